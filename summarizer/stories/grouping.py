"""Articles into stories: which articles report the same real-world event. Each article is a
TF-IDF vector of its words and word pairs (scikit-learn), stories are grown by average-link
agglomerative clustering on cosine similarity, and a group joins another only while its
articles are, on average, at least ``STORY_SIMILARITY`` alike. Word pairs carry what tells two
events of one kind apart ('Reggie Bush' from 'Pierre Thomas', 'INS Sukanya' from 'INS Mysore')
better than single words, which two stories of one kind share ('injured', 'reserve', 'pirates').

Articles that come later are grouped among themselves the same way (``grow``), then each new
group joins the existing story it is most alike to by the same average-link measure, or starts a
story: a story's articles never move, so its briefing is updated, not rebuilt."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..lazy import deferred

if TYPE_CHECKING:
    import numpy
    from sklearn import cluster as sk_cluster
    from sklearn.feature_extraction import text as sk_text
else:  # loaded with the first grouping: a briefing of one story never needs them
    numpy = deferred("numpy")
    sk_cluster = deferred("sklearn.cluster")
    sk_text = deferred("sklearn.feature_extraction.text")

# The mean cosine similarity between two groups' articles at or above which they are one story.
STORY_SIMILARITY = 0.16


def texts_of(titles_and_texts: Sequence[tuple[str | None, str]]) -> list[str]:
    return [f"{title or ''}\n{text}" for title, text in titles_and_texts]


def similarities(texts: Sequence[str], *, pairs: bool = True) -> numpy.ndarray:
    """Cosine similarity of every two texts' TF-IDF vectors (square, float32). A word (or pair)
    that only one text uses says nothing of which texts are alike, so it is left out once there
    are more than two texts."""
    if not texts:
        return numpy.zeros((0, 0), dtype=numpy.float32)
    vectorizer = sk_text.TfidfVectorizer(
        stop_words="english",
        sublinear_tf=True,
        ngram_range=(1, 2) if pairs else (1, 1),
        min_df=2 if len(texts) > 2 else 1,
        dtype=numpy.float32,
    )
    try:
        vectors = vectorizer.fit_transform(texts)
    except ValueError:  # no word in common (or no word at all): nothing is alike
        return numpy.eye(len(texts), dtype=numpy.float32)
    alike = (vectors @ vectors.T).toarray()
    numpy.fill_diagonal(alike, 1.0)
    return alike


def cluster(alike: numpy.ndarray, threshold: float = STORY_SIMILARITY) -> list[list[int]]:
    """Average-link groups of the items whose similarity matrix is ``alike``: lists of indices,
    each in order, the groups in the order of their first item."""
    count = alike.shape[0]
    if count == 0:
        return []
    if count == 1:
        return [[0]]
    labels = sk_cluster.AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1.0 - threshold
    ).fit_predict(1.0 - alike)
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return sorted(groups.values(), key=lambda members: members[0])


def group(
    texts: Sequence[str], threshold: float = STORY_SIMILARITY, *, pairs: bool = True
) -> list[list[int]]:
    """The stories of ``texts``: lists of their indices."""
    return cluster(similarities(texts, pairs=pairs), threshold)


def grow(
    known: Sequence[Sequence[int]], texts: Sequence[str], threshold: float = STORY_SIMILARITY
) -> list[list[int]]:
    """The ``known`` groups (lists of indices into ``texts``) with every other text placed: the
    known groups first, in their order, each with the texts that joined it, then the new groups.
    The new texts are grouped among themselves first; a new group joins the known group it is
    most alike to on average, if that is at least ``threshold``, or stays a story of its own."""
    placed = {i for members in known for i in members}
    fresh = [i for i in range(len(texts)) if i not in placed]
    grown = [list(members) for members in known]
    if not fresh:
        return grown
    alike = similarities(texts)
    started: list[list[int]] = []
    for new in cluster(alike[numpy_index(fresh)], threshold):
        articles = [fresh[i] for i in new]
        best, score = None, threshold
        for index, members in enumerate(known):
            mean = float(alike[numpy_index(articles, members)].mean()) if members else 0.0
            if mean >= score:
                best, score = index, mean
        if best is None:
            started.append(articles)
        else:
            grown[best].extend(articles)
    return grown + started


def numpy_index(rows: Sequence[int], columns: Sequence[int] | None = None) -> Any:
    """The index that takes ``rows`` by ``columns`` (``rows`` by ``rows`` without them) of a matrix."""
    return numpy.ix_(list(rows), list(rows if columns is None else columns))
