from django.urls import path
from rest_framework.routers import DefaultRouter

from certificates.api.views import CertificateViewSet, IssueByHandView, VerifyPdfView

router = DefaultRouter()
router.register("certificates", CertificateViewSet, basename="certificate")

urlpatterns = [
    path(
        "certificates/verify/<str:code>/pdf", VerifyPdfView.as_view(), name="certificate-verify-pdf"
    ),
    path(
        "enrollments/<uuid:public_id>/certificate/",
        IssueByHandView.as_view(),
        name="enrollment-certificate",
    ),
    *router.urls,
]
