"""Course content as Wagtail pages: home → catalogue → course → module → lesson.

Spanish is the source language. A page missing in the requested language is served from its
Spanish original (with a notice) instead of a 404: see `FallbackRoutingMixin`.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpRequest
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from accounts import access
from accounts.access import AnyUser
from cms.blocks import LessonBodyBlock
from cms.forms import AulaPageForm
from cms.localization import localize_pages
from cms.signals import lesson_viewed
from config import origins
from courses.models import Course


class FallbackRoutingMixin:
    """When a child path is missing in this page's language, route it through the original.

    Also gives every page its breadcrumbs in the active language.
    """

    base_form_class = AulaPageForm

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(request, *args, **kwargs)  # type: ignore[misc]
        # Depth 1 is Wagtail's root, 2 the home page: crumbs start at the catalogue.
        ancestors = self.get_ancestors().filter(depth__gt=2).select_related("locale")  # type: ignore[attr-defined]
        context["breadcrumbs"] = localize_pages(list(ancestors), select_related=["locale"])
        return context

    def full_clean(self, *args: Any, **kwargs: Any) -> None:
        # A typed slug with accents becomes plain ASCII ("lección-1" → "leccion-1"), so links
        # are not percent-encoded; titles are turned into slugs that way already.
        if self.slug and not self.slug.isascii():  # type: ignore[attr-defined,has-type]
            self.slug = slugify(self.slug)  # type: ignore[attr-defined,has-type]
        super().full_clean(*args, **kwargs)  # type: ignore[misc]

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        """An alias in another language is a parent Wagtail copied, live, while translating a
        page below it: its text is still the original's. Readers get the original, with the
        "shown in Spanish" notice, until a trainer converts and translates it."""
        if self.alias_of_id and self.locale_id != Locale.get_default().pk:  # type: ignore[attr-defined]
            original = self.alias_of.specific  # type: ignore[attr-defined]
            return original.serve(request, *args, **kwargs)
        return super().serve(request, *args, **kwargs)  # type: ignore[misc]

    def route(self, request: HttpRequest, path_components: list[str]) -> Any:
        try:
            return super().route(request, path_components)  # type: ignore[misc]
        except Http404:
            if not path_components:
                raise
            original = self.get_translation_or_none(Locale.get_default())  # type: ignore[attr-defined]
            if original is None or original.pk == self.pk:  # type: ignore[attr-defined]
                raise
            return original.specific.route(request, path_components)


class HomePage(FallbackRoutingMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.CataloguePage"]
    template = "cms/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        catalogue = CataloguePage.objects.live().descendant_of(self).first()
        context["catalogue"] = catalogue
        context["courses"] = catalogue.courses() if catalogue else []
        return context


class CataloguePage(FallbackRoutingMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.CoursePage"]
    template = "cms/catalogue_page.html"

    class Meta:
        verbose_name = _("catalogue")

    def courses(self) -> list[CoursePage]:
        """Every live course of the original catalogue, translated where possible."""
        original = self.get_translation_or_none(Locale.get_default()) or self
        pages = (
            CoursePage.objects.live()
            .child_of(original)
            .select_related("course", "cover_image", "locale")
        )
        return localize_pages(list(pages), select_related=["course", "cover_image", "locale"])

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = self.courses()
        return context


class CoursePage(FallbackRoutingMixin, Page):
    course = models.ForeignKey(
        Course,
        verbose_name=_("catalogue course"),
        related_name="pages",
        on_delete=models.PROTECT,
        help_text=_("The course this content belongs to; its translations share it."),
    )
    summary = models.TextField(_("summary"), max_length=600)
    learning_outcomes = RichTextField(
        _("learning outcomes"), blank=True, features=["bold", "italic", "ol", "ul"]
    )
    audience = models.TextField(_("who it is for"), blank=True)
    duration = models.CharField(
        _("duration"), max_length=120, blank=True, help_text=_("e.g. 4 weeks, about 3 hours a week")
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("course"),
        FieldPanel("summary"),
        FieldPanel("learning_outcomes"),
        FieldPanel("audience"),
        FieldPanel("duration"),
        FieldPanel("cover_image"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("audience"),
    ]
    parent_page_types = ["cms.CataloguePage"]
    subpage_types = ["cms.ModulePage"]
    template = "cms/course_page.html"

    class Meta:
        verbose_name = _("course page")

    def lessons(self) -> list[LessonPage]:
        """The course's lessons in reading order, each in the active language if translated."""
        original = self.get_translation_or_none(Locale.get_default()) or self
        pages = LessonPage.objects.live().descendant_of(original).select_related("locale")
        return localize_pages(list(pages), select_related=["locale"])

    def outline(self) -> list[tuple[ModulePage, list[LessonPage]]]:
        """Modules with their lessons in reading order, each translated where possible."""
        original = self.get_translation_or_none(Locale.get_default()) or self
        modules = list(ModulePage.objects.live().child_of(original).select_related("locale"))
        lessons = list(LessonPage.objects.live().descendant_of(original).select_related("locale"))
        # Group on the originals' tree paths: a translation lives in another branch of the tree.
        by_module: dict[str, list[LessonPage]] = defaultdict(list)
        shown_lessons = localize_pages(lessons, select_related=["locale"])
        for lesson, shown in zip(lessons, shown_lessons, strict=True):
            by_module[lesson.path[: -Page.steplen]].append(shown)
        shown_modules = localize_pages(modules, select_related=["locale"])
        return [
            (shown, by_module[module.path])
            for module, shown in zip(modules, shown_modules, strict=True)
        ]

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["module_lessons"] = self.outline()
        return context


class ModulePage(FallbackRoutingMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.CoursePage"]
    subpage_types = ["cms.LessonPage"]
    template = "cms/module_page.html"

    class Meta:
        verbose_name = _("module")

    def lessons(self) -> list[LessonPage]:
        original = self.get_translation_or_none(Locale.get_default()) or self
        pages = LessonPage.objects.live().child_of(original).select_related("locale")
        return localize_pages(list(pages), select_related=["locale"])

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = self.lessons()
        context["course_page"] = self.get_parent().specific
        return context


class LessonPage(FallbackRoutingMixin, Page):
    summary = models.TextField(_("summary"), blank=True, max_length=400)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), null=True, blank=True
    )
    body = StreamField(LessonBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["cms.ModulePage"]
    subpage_types: list[str] = []
    template = "cms/lesson_page.html"

    class Meta:
        verbose_name = _("lesson")

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if request.user.is_authenticated:
            lesson_viewed.send(sender=LessonPage, lesson=self, user=request.user)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        module = self.get_parent().specific
        course = module.get_parent().specific
        lessons = course.lessons()
        keys = [lesson.translation_key for lesson in lessons]
        position = keys.index(self.translation_key) if self.translation_key in keys else -1
        number: int | None = position + 1
        count = len(lessons)
        if position < 0:  # a preview of a lesson not published yet: where it would stand
            count += 1
            number = None
            default = Locale.get_default()
            original = self.get_translation_or_none(default) if self.pk else None
            original = original or self
            course_original = course.get_translation_or_none(default) or course
            if original.path:
                number = 1 + (
                    LessonPage.objects.live()
                    .descendant_of(course_original)
                    .filter(path__lt=original.path)
                    .count()
                )
        context.update(
            module_page=module,
            course_page=course,
            previous_lesson=lessons[position - 1] if position > 0 else None,
            next_lesson=lessons[position + 1] if 0 <= position < len(lessons) - 1 else None,
            lesson_number=number,
            lesson_count=count,
            has_activity=any(block.block_type == "h5p_activity" for block in self.body),
            h5p_content_origin=origins.content_origin(),
        )
        return context


class ActivityQuerySet(models.QuerySet["Activity"]):
    def active(self) -> ActivityQuerySet:
        return self.filter(is_active=True)

    def required(self) -> ActivityQuerySet:
        return self.filter(is_active=True, is_required=True)


class Activity(models.Model):
    """An interactive activity of a lesson: the index progress tracking reads, never page bodies.

    Its key is the block id in the Spanish original, which translations copy unchanged, so a
    statement from any language's page lands on the same activity. Rebuilt on every publish.
    """

    key = models.UUIDField(_("key"), unique=True)
    course = models.ForeignKey(
        Course, verbose_name=_("course"), related_name="activities", on_delete=models.CASCADE
    )
    lesson = models.ForeignKey(
        LessonPage, verbose_name=_("lesson"), related_name="activities", on_delete=models.CASCADE
    )
    title = models.CharField(_("title"), max_length=160)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_required = models.BooleanField(_("required"), default=True)
    # Removed from the page: kept so that earlier results still point somewhere.
    is_active = models.BooleanField(_("active"), default=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["lesson", "position"]

    def __str__(self) -> str:
        return self.title

    @property
    def iri(self) -> str:
        return activity_iri(self.key)


def activity_iri(key: object) -> str:

    return f"{settings.SITE_URL}/xapi/activities/{key}"


class CourseLesson(models.Model):
    """Which live lessons a course has, in reading order: counted for progress, never searched."""

    course = models.ForeignKey(
        Course, verbose_name=_("course"), related_name="indexed_lessons", on_delete=models.CASCADE
    )
    lesson = models.OneToOneField(
        LessonPage, verbose_name=_("lesson"), related_name="index_entry", on_delete=models.CASCADE
    )
    path = models.CharField(max_length=255)
    is_live = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("indexed lesson")
        verbose_name_plural = _("indexed lessons")
        ordering = ["path"]
        indexes = [models.Index(fields=["course", "is_live"])]


class H5PLibrary(models.Model):
    """One approved version of an H5P library, stored once and shared by every package using it.

    Library code runs in learners' browsers, so only people with `install_h5p_library` bring
    new ones; everybody else's packages play the approved versions, whatever their archive holds.
    """

    machine_name = models.CharField(_("machine name"), max_length=255)
    major_version = models.PositiveIntegerField(_("major version"))
    minor_version = models.PositiveIntegerField(_("minor version"))
    patch_version = models.PositiveIntegerField(_("patch version"))
    title = models.CharField(_("title"), max_length=255)
    is_runnable = models.BooleanField(_("runnable"), default=False)
    # sha256 over the folder's paths and bytes: the same version with other files is another row.
    digest = models.CharField(_("digest"), max_length=64)
    # [[machine name, major, minor], …]: what the player must load before this library.
    dependencies = models.JSONField(_("dependencies"), default=list, blank=True)
    is_approved = models.BooleanField(
        _("approved"), default=True, help_text=_("Packages may only use approved libraries.")
    )
    installed_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("installed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    installed_at = models.DateTimeField(_("installed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("H5P library")
        verbose_name_plural = _("H5P libraries")
        ordering = ["machine_name", "-major_version", "-minor_version", "-patch_version"]
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "machine_name",
                    "major_version",
                    "minor_version",
                    "patch_version",
                    "digest",
                ],
                name="h5p_library_version_once",
            )
        ]
        permissions = [("install_h5p_library", _("Can install new H5P libraries"))]

    def __str__(self) -> str:
        return f"{self.machine_name} {self.version}"

    @property
    def version(self) -> str:
        return f"{self.major_version}.{self.minor_version}.{self.patch_version}"

    @property
    def folder_name(self) -> str:
        """The name the player looks the library up by."""
        return f"{self.machine_name}-{self.major_version}.{self.minor_version}"

    @property
    def storage_prefix(self) -> str:
        return f"libraries/{self.machine_name}-{self.version}-{self.digest[:16]}/"


class H5PPackageQuerySet(models.QuerySet["H5PPackage"]):
    def ready(self) -> H5PPackageQuerySet:
        return self.filter(status=H5PPackage.Status.READY)

    def visible_to(self, user: AnyUser) -> H5PPackageQuerySet:
        """Packages a person may list, choose and edit: the network's (shared with no
        delegation) and those shared with a delegation they coordinate or train in."""
        if access.is_site_admin(user):
            return self.all()
        if not access.can_upload_h5p(user):
            return self.none()
        shares = H5PPackage.delegations.through.objects.filter(h5ppackage_id=OuterRef("pk"))
        mine = shares.filter(delegation_id__in=access.staff_delegation_ids(user))
        return self.filter(~Exists(shares) | Exists(mine))


class H5PPackage(models.Model):
    """An uploaded .h5p file: its content stored once per content hash, its libraries shared."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be processed")
        PROCESSING = "processing", _("Being processed")
        READY = "ready", _("Ready")
        REJECTED = "rejected", _("Rejected")

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=255, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        help_text=_("The language the activity's questions are written in."),
    )
    sha256 = models.CharField(_("content hash"), max_length=64, unique=True, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING, editable=False
    )
    error = models.TextField(_("why it was rejected"), blank=True, editable=False)
    main_library = models.ForeignKey(
        H5PLibrary,
        verbose_name=_("content type"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    libraries = models.ManyToManyField(
        H5PLibrary, verbose_name=_("libraries"), related_name="packages", editable=False
    )
    uploaded_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    delegations = models.ManyToManyField(
        "accounts.Delegation",
        verbose_name=_("delegations"),
        related_name="h5p_packages",
        blank=True,
        help_text=_(
            "Whose trainers and coordinators may choose this package. None: the whole network."
        ),
    )

    objects = H5PPackageQuerySet.as_manager()

    class Meta:
        verbose_name = _("H5P package")
        verbose_name_plural = _("H5P packages")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.title or str(self.uuid)

    @property
    def storage_prefix(self) -> str:
        return f"packages/{self.sha256}/"

    @property
    def staged_name(self) -> str:
        """Where a large upload waits for the worker."""
        return f"uploads/{self.sha256}.h5p"

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY
