"""The stories index as a page: one row a story (its title, how many reports, when it was first
and last seen, its outlets, links to its briefing), the most recently seen first."""

from __future__ import annotations

from datetime import date

from ..render import pages
from ..text import count
from .index import StoryIndex


def index_page(index: StoryIndex) -> str:
    css = pages.asset("stories.css")
    rows = []
    ordered = sorted(index.stories, key=lambda s: (s.last_seen or date.min, s.reports), reverse=True)
    for story in ordered:
        rows.append(
            {
                "id": story.id,
                "title": story.title,
                "reports": story.reports,
                "first_seen": story.first_seen.isoformat() if story.first_seen else "",
                "last_seen": story.last_seen.isoformat() if story.last_seen else "",
                "outlets": ", ".join(story.outlets),
                "links": [(f, f"{story.id}/briefing.{f}") for f in ("html", "md", "json")]
                if story.briefed
                else [],
                "status": story.status,
                "error": story.error,
            }
        )
    reports = sum(s.reports for s in index.stories)
    summary = f"{count(reports, 'report')} in {count(len(index.stories), 'story', 'stories')}."
    return (
        pages.environment()
        .get_template("stories.html.j2")
        .render(csp=pages.policy(css), css=css, rows=rows, summary=summary)
    )
