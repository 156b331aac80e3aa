"""Routes of the H5P content origin: nothing of the site itself is reachable from here."""

from django.urls import path, re_path

from cms.h5p import serving
from enrollments import h5p_play

urlpatterns = [
    path("h5p/player/<path:path>", serving.player_asset, name="h5p-player-asset"),
    path("h5p/aula/<path:path>", serving.own_asset, name="h5p-own-asset"),
    path("h5p/<str:token>/", h5p_play.player_page, name="h5p-play"),
    path("h5p/<str:token>/state", h5p_play.state, name="h5p-state"),
    path("h5p/<str:token>/files/<path:path>", serving.package_file, name="h5p-file"),
    re_path(r"^", h5p_play.no_site_here),
]
