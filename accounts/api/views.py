from __future__ import annotations

from django.contrib.auth import authenticate
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import permissions, serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import throttle
from accounts.views import client_ip
from config.schema import errors


class TokenInputSerializer(serializers.Serializer):
    email = serializers.EmailField()
    password = serializers.CharField(trim_whitespace=False)


class TokenView(APIView):
    """Exchanges an e-mail and password for an API token (`Authorization: Token …`)."""

    permission_classes = [permissions.AllowAny]
    authentication_classes: list[type] = []

    @extend_schema(
        request=TokenInputSerializer,
        responses=inline_serializer("TokenOutput", {"token": serializers.CharField()}),
    )
    @errors({429: "Too many failed attempts from this address, or for this account from it."})
    def post(self, request: Request) -> Response:
        payload = TokenInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        email, ip = payload.validated_data["email"], client_ip(request)
        if throttle.is_blocked(ip=ip, email=email):
            return Response(
                {
                    "detail": _(
                        "Too many failed attempts. Wait a few minutes before trying again."
                    ),
                    "code": "throttled",
                },
                status=status.HTTP_429_TOO_MANY_REQUESTS,
            )
        user = authenticate(request, username=email, password=payload.validated_data["password"])
        if user is None:
            throttle.note_failure(ip=ip, email=email)
            return Response(
                {
                    "detail": _("The e-mail or the password is not right."),
                    "code": "bad_credentials",
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        throttle.clear(ip=ip, email=email)
        token, _created = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})


class MyDataView(APIView):
    """Everything Aula holds about the signed-in person (profile, enrolments, progress,
    statements, certificates, named answers); each download is recorded."""

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request) -> Response:
        from accounts import privacy
        from config.api import current_user

        return Response(privacy.export_personal_data(user=current_user(request)))


class EraseInputSerializer(serializers.Serializer):
    password = serializers.CharField(trim_whitespace=False)
    confirm = serializers.BooleanField()


class EraseAccountView(APIView):
    """Erases the signed-in person's account; issued certificates stay verifiable."""

    @extend_schema(request=EraseInputSerializer, responses={204: None})
    def post(self, request: Request) -> Response:
        from accounts import privacy
        from config.api import current_user

        user = current_user(request)
        data = EraseInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if not data.validated_data["confirm"]:
            raise serializers.ValidationError(
                {"confirm": [_("Confirm that you want your account erased.")]}
            )
        if not user.check_password(data.validated_data["password"]):
            raise serializers.ValidationError({"password": [_("The password is not right.")]})
        privacy.erase_account(user=user)
        return Response(status=status.HTTP_204_NO_CONTENT)
