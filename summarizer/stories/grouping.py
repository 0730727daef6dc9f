"""Articles into stories: which articles report the same real-world event. Each article is a
TF-IDF vector of its words and word pairs (scikit-learn), stories are grown by average-link
agglomerative clustering on cosine similarity, and a group joins another only while its
articles are, on average, at least ``STORY_SIMILARITY`` alike. Word pairs carry what tells two
events of one kind apart ('Reggie Bush' from 'Pierre Thomas', 'INS Sukanya' from 'INS Mysore')
better than single words, which two stories of one kind share ('injured', 'reserve', 'pirates').

Two groups whose mean similarity reaches the threshold have a pair of articles that reaches it
(no mean passes its largest term), so every story lies within one connected part of the graph
of such pairs: the articles are cut into those parts first (the pairs found a block of rows at a
time, never the whole square matrix) and each part is clustered on its own, with the same result
as clustering them all at once in far less memory.

Articles that come later are grouped among themselves the same way (``grow``), then each new
group joins the existing story it is most alike to by the same average-link measure, or starts a
story: a story's articles never move, so its briefing is updated, not rebuilt."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..lazy import deferred

if TYPE_CHECKING:
    import numpy
    from scipy import sparse
    from scipy.sparse import csgraph
    from sklearn import cluster as sk_cluster
    from sklearn.feature_extraction import text as sk_text
else:  # loaded with the first grouping: a briefing of one story never needs them
    numpy = deferred("numpy")
    sparse = deferred("scipy.sparse")
    csgraph = deferred("scipy.sparse.csgraph")
    sk_cluster = deferred("sklearn.cluster")
    sk_text = deferred("sklearn.feature_extraction.text")

# The mean cosine similarity between two groups' articles at or above which they are one story.
STORY_SIMILARITY = 0.16
BLOCK = 1000  # rows of the similarity matrix worked out at once


def texts_of(titles_and_texts: Sequence[tuple[str | None, str]]) -> list[str]:
    return [f"{title or ''}\n{text}" for title, text in titles_and_texts]


def vectors(texts: Sequence[str], *, pairs: bool = True) -> Any:
    """The texts' TF-IDF vectors, one unit-length sparse row each. A word (or pair) that only one
    text uses says nothing of which texts are alike, so it is left out once there are more than
    two texts; a text with no word in common with any other has a zero row."""
    vectorizer = sk_text.TfidfVectorizer(
        stop_words="english",
        sublinear_tf=True,
        ngram_range=(1, 2) if pairs else (1, 1),
        min_df=2 if len(texts) > 2 else 1,
        dtype=numpy.float32,
    )
    try:
        return vectorizer.fit_transform(texts)
    except ValueError:  # no word in common (or no word at all): nothing is alike
        return sparse.csr_matrix((len(texts), 1), dtype=numpy.float32)


def _close_pairs(rows: Any, threshold: float) -> Any:
    """The graph of the rows' pairs at least ``threshold`` alike, a block of rows at a time."""
    blocks = []
    for start in range(0, rows.shape[0], BLOCK):
        block = (rows[start : start + BLOCK] @ rows.T).tocsr()
        block.data[block.data < threshold] = 0
        block.eliminate_zeros()
        blocks.append(block)
    return sparse.vstack(blocks) if blocks else sparse.csr_matrix((0, 0))


def _average_link(alike: numpy.ndarray, threshold: float) -> list[list[int]]:
    count = alike.shape[0]
    if count == 1:
        return [[0]]
    numpy.fill_diagonal(alike, 1.0)
    labels = sk_cluster.AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1.0 - threshold
    ).fit_predict(1.0 - alike)
    found: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        found.setdefault(int(label), []).append(index)
    return list(found.values())


def cluster(rows: Any, threshold: float = STORY_SIMILARITY) -> list[list[int]]:
    """Average-link groups of the vectors ``rows`` (lists of row indices, each in order, the
    groups in the order of their first row), each connected part of the close pairs' graph
    clustered on its own."""
    if rows.shape[0] == 0:
        return []
    _, part_of = csgraph.connected_components(_close_pairs(rows, threshold), directed=False)
    parts: dict[int, list[int]] = {}
    for index, part in enumerate(part_of):
        parts.setdefault(int(part), []).append(index)
    groups = []
    for members in parts.values():
        part_rows = rows[members]
        alike = (part_rows @ part_rows.T).toarray()
        groups += [[members[i] for i in found] for found in _average_link(alike, threshold)]
    return sorted(groups, key=lambda members: members[0])


def group(
    texts: Sequence[str], threshold: float = STORY_SIMILARITY, *, pairs: bool = True
) -> list[list[int]]:
    """The stories of ``texts``: lists of their indices."""
    return cluster(vectors(texts, pairs=pairs), threshold) if texts else []


def grow(
    known: Sequence[Sequence[int]], texts: Sequence[str], threshold: float = STORY_SIMILARITY
) -> list[list[int]]:
    """The ``known`` groups (lists of indices into ``texts``) with every other text placed: the
    known groups first, in their order, each with the texts that joined it, then the new groups.
    The new texts are grouped among themselves first; a new group joins the known group it is
    most alike to on average, if that is at least ``threshold``, or stays a story of its own."""
    placed = [i for members in known for i in members]
    fresh = sorted(set(range(len(texts))) - set(placed))
    grown = [list(members) for members in known]
    if not fresh:
        return grown
    rows = vectors(texts)
    started: list[list[int]] = []
    # which known group each placed text is in, to sum a new group's similarities by group
    membership = sparse.csr_matrix(
        (numpy.ones(len(placed)), (placed, [g for g, members in enumerate(known) for _ in members])),
        shape=(len(texts), max(len(known), 1)),
    )
    sizes = numpy.array([len(members) for members in known] or [1], dtype=numpy.float64)
    for new in cluster(rows[fresh], threshold):
        articles = [fresh[i] for i in new]
        summed = numpy.asarray((rows[articles] @ rows.T).sum(axis=0)).ravel() @ membership
        means = numpy.asarray(summed).ravel() / (sizes * len(articles))
        best = int(means.argmax()) if known else -1
        if known and means[best] >= threshold and known[best]:
            grown[best].extend(articles)
        else:
            started.append(articles)
    return grown + started
