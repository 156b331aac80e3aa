from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("paths/includes/my_paths.html")
def my_paths(user: Any) -> dict[str, Any]:
    """The signed-in learner's paths on "My courses": each course, where they are, and the
    path's certificate once every course is completed, and whether a path is open to join
    (five queries, however many paths)."""
    from django.urls import reverse

    from certificates.models import Certificate
    from certificates.views import linkedin_url
    from paths import services
    from paths.models import LearningPath

    if not getattr(user, "is_authenticated", False):
        return {"paths": []}
    joinable = LearningPath.objects.filter(open_to_join=True).exclude(enrollments__learner=user)
    found = []
    for entry, steps in services.standings(user.pk):
        newest = next(iter(entry.certificates.all()), None)
        certificate = None
        if newest is not None and newest.revoked_at is None:
            issued = newest.status == Certificate.Status.ISSUED
            certificate = {
                "is_issued": issued,
                "pdf_url": reverse("certificate-pdf", kwargs={"public_id": newest.public_id})
                if issued
                else "",
                # This site's page in the reader's language, not the address the PDF prints.
                "verify_url": reverse(
                    "certificates:verify", kwargs={"code": newest.printed.display_code}
                ),
                "code": newest.printed.display_code,
                # The path's title is the certificate's name on a LinkedIn profile.
                "linkedin_url": linkedin_url(newest) if issued else "",
            }
        found.append(
            {
                "entry": entry,
                "certificate": certificate,
                "steps": steps,
                "done": sum(1 for s in steps if s.state == "done"),
                "total": len(steps),
            }
        )
    return {"paths": found, "joinable": joinable.exists()}
