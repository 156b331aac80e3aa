from django.urls import path
from rest_framework.routers import DefaultRouter

from cms.api.views import H5PPackageViewSet, TranslationFileView, TranslationStatusView

router = DefaultRouter()
router.register("h5p/packages", H5PPackageViewSet, basename="h5p-package")

urlpatterns = [
    path("translations/", TranslationStatusView.as_view(), name="translation-status"),
    path(
        "translations/pages/<int:page_id>/<str:language>/po/",
        TranslationFileView.as_view(),
        name="translation-file",
    ),
    *router.urls,
]
