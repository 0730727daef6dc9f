"""Stories: a pile of articles into the stories they report (near-copies folded, then grouped by
what they say), and one briefing per story, kept up to date as articles come (``desk``)."""

from ..text.copies import COPY_SIMILARITY, copy_groups
from ..text.grouping import STORY_SIMILARITY, TOPIC_SIMILARITY, cluster, group, grow, texts_of, vectors
from .desk import (
    StoriesRun,
    StoryPlan,
    abrief_stories,
    brief_stories,
    describe_plan,
    plan_stories,
    save_index,
)
from .index import INDEX_NAME, Story, StoryArticle, StoryIndex, load_index

__all__ = [
    "COPY_SIMILARITY",
    "INDEX_NAME",
    "STORY_SIMILARITY",
    "TOPIC_SIMILARITY",
    "Story",
    "StoryArticle",
    "StoryIndex",
    "StoriesRun",
    "StoryPlan",
    "abrief_stories",
    "brief_stories",
    "cluster",
    "copy_groups",
    "describe_plan",
    "group",
    "grow",
    "load_index",
    "plan_stories",
    "save_index",
    "texts_of",
    "vectors",
]
