"""Creating and changing an edition from a page: dates, seats, visibility, trainers and the
completion rule, optional lessons included. The API's rules hold here too (the model's checks,
one edition per creation key, only one's own delegations)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts import access
from accounts.models import Delegation, User
from cms.localization import localize_pages
from cms.models import CourseLesson
from config.forms import title_translation_fields, title_translations
from courses.models import Cohort, Course
from enrollments.models import OptionalLesson

FIELDS = [
    "title",
    "course",
    "delegation",
    "language",
    "status",
    "visibility",
    "starts_on",
    "ends_on",
    "enrollment_opens_at",
    "enrollment_closes_at",
    "capacity",
    "has_waiting_list",
    "enrollment_key",
    "trainers",
    "score_policy",
    "min_score",
    "requires_questionnaire",
    "min_days_enrolled",
    "min_sessions_attended",
    "min_discussion_posts",
    "requires_accepted_assignments",
    "session_reminders",
    "session_hours_count",
    "inactivity_nudge_days",
    "admission",
    "max_country_share",
    "max_per_city",
]


class EditionForm(forms.ModelForm):
    optional_lessons = forms.MultipleChoiceField(
        label=_("Optional lessons"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Lessons not needed to complete the edition; every other lesson of the course is."
        ),
    )
    creation_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    class Meta:
        model = Cohort
        fields = FIELDS
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "enrollment_opens_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "enrollment_closes_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "trainers": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        fields: Any = self.fields
        # The title in each language, after the title itself (readers get their language's).
        titled = title_translation_fields(self.instance.title_translations or {})
        self.fields = {
            **{key: fields[key] for key in list(fields)[:1]},
            **titled,
            **{key: fields[key] for key in list(fields)[1:]},
        }
        fields = self.fields
        fields["course"].queryset = (
            Course.objects.exclude(status=Course.Status.RETIRED)
            .filter(is_activity=False)
            .prefetch_related("translations")
        )
        fields["delegation"].queryset = (
            Delegation.objects.all()
            if access.is_site_admin(user)
            else Delegation.objects.filter(pk__in=access.coordinated_delegation_ids(user))
        ).prefetch_related("translations")
        current = self.instance.trainers.all() if self.instance.pk else User.objects.none()
        fields["trainers"].queryset = User.objects.filter(
            Q(is_trainer=True, is_active=True) | Q(pk__in=current.values("pk"))
        ).order_by("certificate_name", "email")
        fields["trainers"].required = False
        fields["session_reminders"].required = False  # kept as it is when not sent
        fields["admission"].required = False  # likewise
        for name in ("starts_on", "ends_on", "enrollment_opens_at", "enrollment_closes_at"):
            fields[name].widget.attrs["required"] = True
        if self.instance.pk:
            self._lessons()
        else:
            del fields["optional_lessons"]

    def _lessons(self) -> None:
        cohort: Cohort = self.instance
        originals = [
            entry.lesson
            for entry in CourseLesson.objects.filter(course_id=cohort.course_id, is_live=True)
            .select_related("lesson__locale")
            .order_by("path")
        ]
        shown = localize_pages(originals)
        field: Any = self.fields["optional_lessons"]
        field.choices = [(str(o.pk), p.title) for o, p in zip(originals, shown, strict=True)]
        field.initial = [
            str(pk)
            for pk in OptionalLesson.objects.filter(cohort=cohort).values_list("lesson", flat=True)
        ]
        if cohort.required_lessons_at_close is not None:
            field.disabled = True
            field.help_text = _(
                "The edition is closed: what it required is fixed. Reopen it to change this."
            )

    def clean_admission(self) -> str:
        value: str = self.cleaned_data.get("admission") or ""
        return value or self.instance.admission or Cohort.Admission.FIRST_COME

    def clean_session_reminders(self) -> str:
        value: str = self.cleaned_data.get("session_reminders") or ""
        return value or self.instance.session_reminders or Cohort.SessionReminders.BOTH

    def clean_course(self) -> Course:
        course: Course = self.cleaned_data["course"]
        changed = self.instance.pk and course.pk != self.instance.course_id
        if changed and self.instance.enrollments.exists():
            raise forms.ValidationError(
                _("People are enrolled: the edition's course can no longer change.")
            )
        return course

    def clean_optional_lessons(self) -> list[str]:
        chosen: list[str] = self.cleaned_data.get("optional_lessons") or []
        field: Any = self.fields["optional_lessons"]
        if len(chosen) >= len(field.choices) and field.choices:
            raise forms.ValidationError(
                _("At least one lesson must be required, or nobody could complete the edition.")
            )
        return chosen


def save(*, form: EditionForm) -> Cohort:
    """Saves the edition, its trainers and optional lessons together. A creation sent twice
    (the same creation key) makes one edition and returns it."""
    user = form.user
    key = form.cleaned_data.get("creation_key") or ""
    if not form.instance.pk and key:
        earlier = Cohort.objects.filter(created_by=user, creation_key=key).first()
        if earlier is not None:
            return earlier
    try:
        with transaction.atomic():
            cohort: Cohort = form.save(commit=False)
            cohort.title_translations = title_translations(form.cleaned_data)
            if not cohort.pk:
                cohort.created_by = user
                cohort.creation_key = key
            cohort.save()
            form.save_m2m()
            if "optional_lessons" in form.fields and not form.fields["optional_lessons"].disabled:
                chosen = {int(pk) for pk in form.cleaned_data.get("optional_lessons") or []}
                OptionalLesson.objects.filter(cohort=cohort).exclude(lesson__in=chosen).delete()
                OptionalLesson.objects.bulk_create(
                    [OptionalLesson(cohort=cohort, lesson_id=pk) for pk in chosen],
                    ignore_conflicts=True,
                )
                _recount(cohort)
    except IntegrityError:
        earlier = Cohort.objects.filter(created_by=user, creation_key=key).first() if key else None
        if earlier is None:
            raise
        return earlier
    return cohort


def _recount(cohort: Cohort) -> None:
    """Lessons made optional or required again: each enrolment's count of required lessons
    done follows, and someone who has now done all that is required completes."""
    from enrollments import progress
    from enrollments.models import Enrollment

    for enrollment_id in Enrollment.objects.filter(
        cohort=cohort, status=Enrollment.Status.ACTIVE
    ).values_list("pk", flat=True):
        progress.refresh_completion(enrollment_id=enrollment_id)


class RerunForm(forms.Form):
    """ "New edition from this one": only its title and dates are asked."""

    title = forms.CharField(label=_("Title"), max_length=200)
    starts_on = forms.DateField(
        label=_("Starts on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    ends_on = forms.DateField(
        label=_("Ends on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Empty: as long as the edition it comes from."),
    )
    key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args: Any, source: Cohort, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        titled = title_translation_fields(source.title_translations or {})
        self.fields = {"title": fields["title"], **titled, **{
            k: fields[k] for k in ("starts_on", "ends_on", "key")
        }}  # fmt: skip


class ReleaseForm(forms.Form):
    """When each module of the edition opens: a date, days after enrolment, or both (the
    later wins); both empty, open from the start. And when it is due, if it is."""

    def __init__(self, *args: Any, cohort: Cohort, **kwargs: Any) -> None:
        from wagtail.models import Locale

        from cms.models import CoursePage, ModulePage
        from enrollments.models import ModuleRelease

        super().__init__(*args, **kwargs)
        self.cohort = cohort
        course_page = CoursePage.objects.filter(
            course_id=cohort.course_id, locale=Locale.get_default()
        ).first()
        originals = (
            list(ModulePage.objects.child_of(course_page).order_by("path")) if course_page else []
        )
        self.modules = list(zip(originals, localize_pages(originals), strict=True))
        existing = {r.module_id: r for r in ModuleRelease.objects.filter(cohort=cohort)}
        for original, shown in self.modules:
            release = existing.get(original.pk)
            self.fields[f"on_{original.pk}"] = forms.DateField(
                label=_("%(module)s: opens on") % {"module": shown.title},
                required=False,
                initial=release.opens_on if release else None,
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            )
            self.fields[f"days_{original.pk}"] = forms.IntegerField(
                label=_("%(module)s: days after enrolment") % {"module": shown.title},
                required=False,
                min_value=0,
                max_value=365,
                initial=release.opens_after_days if release else None,
            )
            self.fields[f"due_{original.pk}"] = forms.DateField(
                label=_("%(module)s: due on") % {"module": shown.title},
                required=False,
                initial=release.due_on if release else None,
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                help_text=_("Those who have not finished it are reminded a few days before."),
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for original, _shown in self.modules:
            day = data.get(f"on_{original.pk}")
            if day is not None and day > self.cohort.ends_on:
                self.add_error(
                    f"on_{original.pk}", _("A module cannot open after the edition ends.")
                )
            due = data.get(f"due_{original.pk}")
            if due is None:
                continue
            if due > self.cohort.ends_on:
                self.add_error(
                    f"due_{original.pk}", _("A module cannot be due after the edition ends.")
                )
            elif due < self.cohort.starts_on:
                self.add_error(
                    f"due_{original.pk}", _("A module cannot be due before the edition starts.")
                )
            elif day is not None and due < day:
                self.add_error(f"due_{original.pk}", _("A module cannot be due before it opens."))
        return data

    def save(self) -> None:
        from enrollments.models import ModuleRelease

        with transaction.atomic():
            for original, _shown in self.modules:
                day = self.cleaned_data.get(f"on_{original.pk}")
                days = self.cleaned_data.get(f"days_{original.pk}")
                due = self.cleaned_data.get(f"due_{original.pk}")
                if day is None and days is None and due is None:
                    ModuleRelease.objects.filter(cohort=self.cohort, module=original).delete()
                    continue
                ModuleRelease.objects.update_or_create(
                    cohort=self.cohort,
                    module=original,
                    defaults={"opens_on": day, "opens_after_days": days, "due_on": due},
                )
