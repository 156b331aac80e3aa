"""The small named blocks lessons are written with."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=160)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section")), ("h3", _("Subsection"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "cms/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it. Required."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/image.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video address"), help_text=_("A YouTube or Vimeo link."))
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        required=False,
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_("Recommended: lets learners on slow connections or with hearing loss follow."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "cms/blocks/video.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=160, help_text=_("Defaults to its title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "cms/blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("note", _("Note")), ("tip", _("Tip")), ("quote", _("Quotation"))],
        default="note",
    )
    text = blocks.TextBlock(label=_("Text"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Callout or quotation")
        template = "cms/blocks/callout.html"


class H5PActivityBlock(blocks.StructBlock):
    """An interactive activity: an uploaded H5P package, played in the lesson.

    The block's id is the activity's identity for progress (see `Activity`): translations keep
    it, and each language's page may choose the package in its own language.
    """

    title = blocks.CharBlock(label=_("Activity title"), max_length=160)
    package = SnippetChooserBlock(
        "cms.H5PPackage",
        label=_("H5P package"),
        required=False,
        help_text=_(
            "Upload packages under “H5P packages” in the admin menu, then choose one here: "
            "the list says each package's language."
        ),
    )
    is_required = blocks.BooleanBlock(
        label=_("Required to complete the lesson"), required=False, default=True
    )

    class Meta:
        icon = "pick"
        label = _("H5P activity")
        template = "cms/blocks/h5p_activity.html"


class RubricLevelBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Level"), max_length=120)
    points = blocks.IntegerBlock(label=_("Points"), min_value=0, max_value=100)


class RubricCriterionBlock(blocks.StructBlock):
    criterion = blocks.CharBlock(label=_("Criterion"), max_length=200)
    levels = blocks.ListBlock(RubricLevelBlock(), label=_("Levels"), min_num=2, max_num=6)


class AssignmentBlock(blocks.StructBlock):
    """Work the learner hands in for the edition's trainers to review (the `assignments` app).

    The block's id is the assignment's identity: translations keep it, so a submission made
    while reading one language is the same assignment in every other.
    """

    title = blocks.CharBlock(label=_("Assignment title"), max_length=160)
    instructions = blocks.RichTextBlock(
        label=_("Instructions"), features=["bold", "italic", "ol", "ul", "link"]
    )
    hand_in = blocks.ChoiceBlock(
        label=_("What learners hand in"),
        choices=[("text", _("A text")), ("files", _("Files")), ("both", _("A text and files"))],
        default="both",
    )
    file_types = blocks.MultipleChoiceBlock(
        label=_("Files accepted"),
        choices=[
            ("pdf", "PDF"),
            ("docx", "Word (DOCX)"),
            ("odt", "OpenDocument (ODT)"),
            ("image", _("Images (PNG, JPEG)")),
        ],
        default=["pdf", "docx", "odt", "image"],
        required=False,
    )
    max_file_mb = blocks.IntegerBlock(
        label=_("Largest file (MB)"), default=10, min_value=1, max_value=20
    )
    due_days = blocks.IntegerBlock(
        label=_("Due, in days after the edition starts"),
        required=False,
        min_value=0,
        max_value=730,
        help_text=_("For example 42 for six weeks after the start; empty for no due date."),
    )
    rubric = blocks.ListBlock(
        RubricCriterionBlock(), label=_("Rubric"), required=False, max_num=10, default=[]
    )

    class Meta:
        icon = "doc-full"
        label = _("Assignment")
        template = "cms/blocks/assignment.html"


def _theme_choices() -> list[tuple[str, str]]:
    from cms.themes import AREAS, PRINCIPLES, label

    return [(code, label(code)) for code, _name in PRINCIPLES + AREAS]


class ExperiencesBlock(blocks.StructBlock):
    """Published experiences of the bank (the `experiences` app) on the chosen themes, newest
    first, each in the reader's language when translated."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=160,
        help_text=_("Empty for “Experiences on this theme”."),
    )
    themes = blocks.MultipleChoiceBlock(
        label=_("Charter principles and thematic areas"),
        choices=_theme_choices,
        help_text=_("Experiences with any of them are listed."),
    )
    count = blocks.IntegerBlock(label=_("How many"), default=3, min_value=1, max_value=10)

    class Meta:
        icon = "site"
        label = _("Experiences on this theme")
        template = "cms/blocks/experiences.html"


class LessonBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Rich text"),
        icon="pilcrow",
        features=["bold", "italic", "ol", "ul", "link", "document-link", "h3"],
        template="cms/blocks/paragraph.html",
    )
    image = ImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    h5p_activity = H5PActivityBlock()
    assignment = AssignmentBlock()
    experiences = ExperiencesBlock()
