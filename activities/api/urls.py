from rest_framework.routers import DefaultRouter

from activities.api.views import ActivityViewSet

router = DefaultRouter()
router.register("activities", ActivityViewSet, basename="activity")

urlpatterns = router.urls
