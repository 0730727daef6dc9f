"""Articles into stories: which articles report the same real-world event. Each article is a
TF-IDF vector of its words and word pairs (scikit-learn), and groups are grown by average-link
agglomerative clustering on cosine similarity: a group joins another only while its articles
are, on average, at least so alike. It is done twice. First into topics (``TOPIC_SIMILARITY``),
weighing words by how rare they are among all the articles; then each topic into stories
(``STORY_SIMILARITY``), weighing words by how rare they are within the topic alone. Two stories
of one kind share the words of their kind ('injured reserve', 'pirates', 'offer'), rare in the
day's news but common in their topic; within it, what tells them apart weighs most ('Reggie
Bush' against 'Pierre Thomas', 'INS Sukanya' against 'INS Mysore'), and word pairs carry it
better than single words.

Two groups whose mean similarity reaches the threshold have a pair of articles that reaches it
(no mean passes its largest term), so every story lies within one connected part of the graph
of such pairs: the articles are cut into those parts first (the pairs found a block of rows at a
time, never the whole square matrix) and each part is clustered on its own, with the same result
as clustering them all at once in far less memory.

Articles that come later are grouped among themselves the same way (``grow``), then each new
group joins the existing story it is most alike to by the same average-link measure, or starts a
story: a story's articles never move, so its briefing is updated, not rebuilt."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..documents import Document
from ..lazy import deferred
from .sentences import split_sentences
from .words import opens_sentence

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

# The mean cosine similarity between two groups' articles at or above which they are one topic
# (weighed by the words of all the articles), and then one story (weighed by the topic's words).
TOPIC_SIMILARITY = 0.09
STORY_SIMILARITY = 0.13
SHARED_WEIGHT = 0.25  # how much a text's unshared words lower its similarity to the others
# A topic of fewer articles is split into stories with the weights of all the articles: a handful
# cannot tell which of their words are their topic's.
TOPIC_ARTICLES = 8
PARTICULARS_WEIGHT = 0.5  # the names and years of a text against its words, within a topic
# The opening sentences whose names and years count again: a report tells who, where and when
# first, and quotes, background and earlier events later. Four: the headline, which grouping reads
# twice (``texts_of``), and the two sentences after it.
LEDE_SENTENCES = 4
LEDE_CHARS = 2000  # read for them: no need to split the whole text
BLOCK = 1000  # rows of the similarity matrix worked out at once
# Texts briefed together are told apart as several stories from this many on (``several_stories``),
# at a lower similarity than grouping's: a warning that one story is several costs the reader more
# than grouping a day's news finer. On ECB+, a story's articles briefed alone were told as several
# in 3 of 66 stories at 0.11 (8 at 0.13); a topic's two stories briefed together, in 30 of 33 (33).
SEVERAL_FROM = 4
SEVERAL_SIMILARITY = 0.11


def texts_of(titles_and_texts: Sequence[tuple[str | None, str]]) -> list[str]:
    """What grouping reads of each article: its headline twice (it says what the story is), then
    its text, whether or not the text opens with the headline (a plain-text file does; a JSON
    article's or a page's title may stand apart), so that one story's articles read alike
    whatever their format."""
    return [_headlined(title, text) for title, text in titles_and_texts]


def _headlined(title: str | None, text: str) -> str:
    if not title:
        return f"\n{text}"
    body = text[len(title) :].lstrip("\n") if text.startswith(title) else text
    return f"{title}\n{title}\n{body}"


def vectors(texts: Sequence[str], *, pairs: bool = True) -> Any:
    """The texts' TF-IDF vectors, one sparse row each, whose dot products are the similarities
    grouping uses. A word (or pair) that only one text uses says nothing of which texts are
    alike, so it is left out (once there are more than two texts), and each row is made of unit
    length over the words it shares. But a text that shares only a few common words ('million
    euros', 'Friday') would then be as alike as one that shares its substance: so each row is
    also scaled by the share of the text's weight its shared words carry, to the power
    ``SHARED_WEIGHT``. A text with no word in common with any other has a zero row."""
    vectorizer = sk_text.TfidfVectorizer(
        stop_words="english",
        sublinear_tf=True,
        ngram_range=(1, 2) if pairs else (1, 1),
        norm=None,
        dtype=numpy.float32,
    )
    try:
        weights = vectorizer.fit_transform(texts).tocsc()
    except ValueError:  # no word at all: nothing is alike
        return sparse.csr_matrix((len(texts), 1), dtype=numpy.float32)
    if len(texts) > 2:
        used_by = numpy.diff(weights.indptr)  # texts a column's word appears in
        shared = weights[:, numpy.flatnonzero(used_by >= 2)].tocsr()
    else:
        shared = weights.tocsr()
    whole = numpy.sqrt(numpy.asarray(weights.multiply(weights).sum(axis=1)).ravel())
    part = numpy.sqrt(numpy.asarray(shared.multiply(shared).sum(axis=1)).ravel())
    share = numpy.divide(part, whole, out=numpy.zeros_like(part), where=whole > 0)
    scale = numpy.divide(share**SHARED_WEIGHT, part, out=numpy.zeros_like(part), where=part > 0)
    return sparse.diags(scale) @ shared


_WORD = re.compile(r"[^\W\d_][\w'’-]*|\b(?:1[89]|20)\d\d\b")


def particulars(text: str) -> str:
    """The names and years a text gives, each name as one token ('jamal_williams', 'y2009'):
    within a topic, stories of one kind share their kind's words and differ in these (who, where,
    when). A lone capitalised word opening a sentence is not taken for a name."""
    found: list[str] = []
    run: list[str] = []
    opens, end = False, 0

    def close() -> None:
        if run and not (opens and len(run) == 1):
            found.append("_".join(run))
        run.clear()

    for match in _WORD.finditer(text):
        word = match.group()
        if word[0].isdigit():
            close()
            found.append(f"y{word}")
        elif word[0].isupper():
            if run and text[end : match.start()].strip():  # a comma or a stop between: another name
                close()
            if not run:
                opens = opens_sentence(text, match.start(), after_indent=True)
            run.append(word.lower().removesuffix("'s").removesuffix("’s"))
        else:
            close()
        end = match.end()
    close()
    return " ".join(found)


def lede(text: str) -> str:
    """The text's opening sentences (``LEDE_SENTENCES``: its headline and the two after it)."""
    sentences = split_sentences(Document(name="text", text=text[:LEDE_CHARS]))
    return (
        text[: sentences[LEDE_SENTENCES - 1].end] if len(sentences) >= LEDE_SENTENCES else text[:LEDE_CHARS]
    )


def story_vectors(texts: Sequence[str]) -> Any:
    """The texts' vectors for telling stories of one topic apart: their words and word pairs
    (``vectors``), with their particulars added at ``PARTICULARS_WEIGHT``, and the particulars of
    their ledes at the same weight, each row keeping the length it had, so that the thresholds
    mean what they do for words alone. Two reports of one kind (two players of one team arrested
    for drink-driving, two offers for one player) share their kind's words and most of their
    names, but open on their own: 'Jackson arrested', 'Red Sox offer'."""
    words = vectors(texts)
    named = vectors([particulars(t) for t in texts], pairs=False)
    opening = vectors([particulars(lede(t)) for t in texts], pairs=False)
    rows = sparse.hstack([words, named * PARTICULARS_WEIGHT, opening * PARTICULARS_WEIGHT]).tocsr()
    before = numpy.sqrt(numpy.asarray(words.multiply(words).sum(axis=1)).ravel())
    after = numpy.sqrt(numpy.asarray(rows.multiply(rows).sum(axis=1)).ravel())
    return sparse.diags(numpy.divide(before, after, out=numpy.zeros_like(after), where=after > 0)) @ rows


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


def _within(texts: Sequence[str], members: Sequence[int], everyone: Any) -> numpy.ndarray:
    """The similarity of every two of ``members``: weighed by the words of those texts alone, if
    they are enough to say which words are their topic's (``TOPIC_ARTICLES``), else as among
    all the articles (``everyone``: their vectors)."""
    rows = (
        story_vectors([texts[i] for i in members])
        if len(members) >= TOPIC_ARTICLES
        else everyone[list(members)]
    )
    return numpy.asarray((rows @ rows.T).toarray())


def group(
    texts: Sequence[str],
    threshold: float = STORY_SIMILARITY,
    *,
    topic: float = TOPIC_SIMILARITY,
) -> list[list[int]]:
    """The stories of ``texts`` (lists of their indices): their topics first, then the stories
    within each topic, with the topic's own weights (``grow`` with no story known yet)."""
    return grow([], texts, threshold, topic=topic)


def grow(
    known: Sequence[Sequence[int]],
    texts: Sequence[str],
    threshold: float = STORY_SIMILARITY,
    *,
    topic: float = TOPIC_SIMILARITY,
) -> list[list[int]]:
    """The ``known`` groups (lists of indices into ``texts``) with every other text placed: the
    known groups first, in their order, each with the texts that joined it, then the new groups.
    Within each topic, the new texts are grouped among themselves first; a new group joins the
    known group it is most alike to on average (over that group's texts in the topic, with the
    topic's weights), if that is at least ``threshold``, or stays a story of its own."""
    story_of = {i: g for g, members in enumerate(known) for i in members}
    grown = [list(members) for members in known]
    if len(story_of) == len(texts):
        return grown
    started: list[list[int]] = []
    everyone = vectors(texts)
    for members in cluster(everyone, min(topic, threshold)):
        new = [k for k, i in enumerate(members) if i not in story_of]
        if not new:
            continue
        alike = _within(texts, members, everyone)
        stories: dict[int, list[int]] = {}
        for k, i in enumerate(members):
            if i in story_of:
                stories.setdefault(story_of[i], []).append(k)
        for found in _average_link(alike[numpy.ix_(new, new)].copy(), threshold):
            articles = [new[k] for k in found]
            best, score = None, threshold
            for story, places in stories.items():
                mean = float(alike[numpy.ix_(articles, places)].mean())
                if mean >= score:
                    best, score = story, mean
            placed = [members[k] for k in articles]
            if best is None:
                started.append(placed)
            else:
                grown[best].extend(placed)
    return grown + sorted(started, key=lambda story: story[0])


def several_stories(texts: Sequence[str]) -> list[list[int]]:
    """The stories ``texts`` fall into (``group``) when they read as several: two or more of two
    or more texts each; else none. Fewer than ``SEVERAL_FROM`` texts are never read so: a handful
    cannot tell which of their words are a story's."""
    if len(texts) < SEVERAL_FROM:
        return []
    found = group(texts, SEVERAL_SIMILARITY)
    return found if sum(len(story) >= 2 for story in found) >= 2 else []
