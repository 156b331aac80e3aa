"""Posts are written in Markdown and shown as safe HTML: markdown-it (CommonMark, raw HTML
off, nesting bounded) then nh3 (an allow-list sanitiser). Links get rel="nofollow ugc
noopener" and only web and mail addresses; images are never loaded from other sites."""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

# Quotes or lists nested deeper than this read as text: a post cannot make the parser or the
# page recurse without end.
MAX_NESTING = 20

_parser = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING}).disable("image")

TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code", "pre", "hr",
    "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip
ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}


def render(text: str) -> str:
    html = _parser.render(text)
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow ugc noopener",
        strip_comments=True,
    )
