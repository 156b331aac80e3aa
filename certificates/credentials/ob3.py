"""An Open Badges 3.0 credential (VC Data Model 2.0) that carries every claim the PDF prints.

Where each claim goes, using only terms the OB 3.0.3 context defines (an undefined one would go
unsigned):
- holder's name: an IdentityObject of identityType "name", unhashed (added to OB 3.0 for this;
  the 1EdTech schema allows no `name` on the AchievementSubject)
- e-mail: a salted sha256 IdentityObject, so only someone who knows the address can match it
- course: the Achievement (name, description, humanCode, inLanguage, achievementType)
- hours: a Result of the ResultDescription "ext:Hours"; `creditsAvailable` means credit hours
- cohort: the subject's `term`; its dates: `activityStartDate` / `activityEndDate`
- delegation: the subject's `source`, the organisation that assessed on the issuer's behalf
- completion date: `awardedDate`; issue date: `validFrom`
- verification code and address: an Evidence whose id is the public verify page and whose name is
  the code as printed, so a PDF's code and the credential it carries can be matched offline
- a learning path's courses: one more Evidence each, after the first (genre "Course"; the course
  certificate's verify page as id when it has one; title as name, code as description, date of
  completion as narrative); the path itself is an Achievement of type "LearningProgram"
"""

from __future__ import annotations

import hashlib
from typing import Any

from certificates.claims import Claims
from certificates.credentials.contexts import OB_V3, VC_V2
from certificates.credentials.dates import day_of, midnight
from certificates.credentials.terms import CredentialError

HOURS_RESULT_TYPE = "ext:Hours"
# The kind of certificate, as an Achievement's type, and back.
ACHIEVEMENT_TYPES = {
    "completion": "CertificateOfCompletion",
    "attendance": "Certificate",  # a seminar, a study visit: attendance, not completion
    "path": "LearningProgram",
}
KINDS = {value: key for key, value in ACHIEVEMENT_TYPES.items()}


def identity_hash(email: str, salt: str) -> str:
    return "sha256$" + hashlib.sha256((email.lower() + salt).encode("utf-8")).hexdigest()


def build_credential(
    claims: Claims,
    *,
    credential_id: str,
    issuer_did: str,
    issuer_name: str,
    issuer_url: str,
    holder_email: str,
    salt: str,
    status_list_url: str,
    status_index: int,
    achievement_id: str,
    criteria_narrative: str | None = None,
) -> dict[str, Any]:
    hours_id = f"{achievement_id}#hours"
    return {
        "@context": [VC_V2, OB_V3],
        "id": credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer_did, "type": ["Profile"], "name": issuer_name, "url": issuer_url},
        "validFrom": midnight(claims.issued_on),
        "awardedDate": midnight(claims.completed_on),
        "name": claims.course_title,
        "evidence": [
            {"id": claims.verify_url, "type": ["Evidence"], "name": claims.display_code},
            *(_course_evidence(item, achievement_id) for item in claims.evidence),
        ],
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": ["IdentityObject"],
                    "identityHash": identity_hash(holder_email, salt),
                    "identityType": "emailAddress",
                    "hashed": True,
                    "salt": salt,
                },
                {
                    "type": ["IdentityObject"],
                    "identityHash": claims.holder_name,
                    "identityType": "name",
                    "hashed": False,
                },
            ],
            "term": claims.cohort_name,
            "activityStartDate": midnight(claims.starts_on),
            "activityEndDate": midnight(claims.ends_on),
            "source": {
                "id": f"{credential_id}#delegation",
                "type": ["Profile"],
                "name": claims.delegation_name,
            },
            "result": [
                {"type": ["Result"], "resultDescription": hours_id, "value": str(claims.hours)}
            ],
            "achievement": {
                "id": achievement_id,
                "type": ["Achievement"],
                "achievementType": ACHIEVEMENT_TYPES[claims.kind],
                "name": claims.course_title,
                "description": claims.course_description,
                "humanCode": claims.course_code,
                "inLanguage": claims.language,
                "criteria": {"narrative": criteria_narrative or claims.course_description},
                "resultDescription": [
                    {
                        "id": hours_id,
                        "type": ["ResultDescription"],
                        "name": "Hours",
                        "resultType": HOURS_RESULT_TYPE,
                    }
                ],
            },
        },
        "credentialStatus": {
            "id": f"{status_list_url}#{status_index}",
            # A string, not an array: verifiers compare it as one (vc-bitstring-status-list).
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(status_index),
            "statusListCredential": status_list_url,
        },
    }


def _course_evidence(item: dict[str, str], achievement_id: str) -> dict[str, Any]:
    return {
        # Evidence needs an id only when it is a URL; a course with no certificate of its own
        # points into the path's achievement.
        "id": item["verify_url"] or f"{achievement_id}#{item['code']}",
        "type": ["Evidence"],
        "genre": "Course",
        "name": item["title"],
        "description": item["code"],
        "narrative": item["completed_on"],
    }


def claims_from_credential(credential: dict[str, Any]) -> dict[str, Any]:
    """The printed claims read back, named and formatted as in Claims.as_json()."""
    try:
        subject = credential["credentialSubject"]
        achievement = subject["achievement"]
        names = [i for i in subject["identifier"] if i.get("identityType") == "name"]
        hours_ids = {
            d["id"]
            for d in achievement["resultDescription"]
            if d["resultType"] == HOURS_RESULT_TYPE
        }
        hours = [r["value"] for r in subject["result"] if r["resultDescription"] in hours_ids]
        evidence, *courses = credential["evidence"]
        return {
            "code": evidence["name"].replace("-", ""),
            "holder_name": names[0]["identityHash"],
            "course_code": achievement["humanCode"],
            "course_title": achievement["name"],
            "course_description": achievement["description"],
            "hours": int(hours[0]),
            "cohort_name": subject["term"],
            "starts_on": _day(subject["activityStartDate"]),
            "ends_on": _day(subject["activityEndDate"]),
            "completed_on": _day(credential["awardedDate"]),
            "delegation_name": subject["source"]["name"],
            "language": achievement["inLanguage"],
            "issued_on": _day(credential["validFrom"]),
            "verify_url": evidence["id"],
            "kind": KINDS[achievement["achievementType"]],
            **(
                {
                    "evidence": [
                        {
                            "code": item["description"],
                            "title": item["name"],
                            "completed_on": item["narrative"],
                            "verify_url": item["id"] if "#" not in item["id"] else "",
                        }
                        for item in courses
                    ]
                }
                if courses
                else {}
            ),
            "issuer_name": credential["issuer"]["name"],
            "credential_id": credential["id"],
        }
    except (KeyError, IndexError, TypeError, ValueError) as error:
        problem = f"no {error}" if isinstance(error, KeyError) else str(error)
        raise CredentialError(f"Not an Aula certificate credential: {problem}.") from error


def _day(text: str) -> str:
    return day_of(text).isoformat()
