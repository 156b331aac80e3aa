"""Celery entry points of course content: each runs one service."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="cms.process_package")
def process_package(package_id: int) -> None:
    from cms.h5p import packages

    packages.process_staged_package(package_id=package_id)
