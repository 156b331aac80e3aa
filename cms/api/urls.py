from django.urls import path
from rest_framework.routers import DefaultRouter

from cms.api.views import H5PPackageViewSet, TranslationStatusView

router = DefaultRouter()
router.register("h5p/packages", H5PPackageViewSet, basename="h5p-package")

urlpatterns = [
    path("translations/", TranslationStatusView.as_view(), name="translation-status"),
    *router.urls,
]
