"""A local storage under a folder of MEDIA_ROOT that follows MEDIA_ROOT when it changes (tests)."""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


class MediaSubfolderStorage(FileSystemStorage):
    def __init__(self, *, subfolder: str, **kwargs: Any) -> None:
        self.subfolder = subfolder
        super().__init__(**kwargs)

    @cached_property
    def base_location(self) -> str:
        location = self._location  # type: ignore[attr-defined]
        return self._value_or_setting(location, os.path.join(settings.MEDIA_ROOT, self.subfolder))
