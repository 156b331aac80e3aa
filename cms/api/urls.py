from rest_framework.routers import DefaultRouter

from cms.api.views import H5PPackageViewSet

router = DefaultRouter()
router.register("h5p/packages", H5PPackageViewSet, basename="h5p-package")

urlpatterns = router.urls
