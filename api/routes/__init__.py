"""The HTTP routes, one router per resource; `api.server.create_app` composes them."""

from api.routes.admin import router as admin_router
from api.routes.brands import router as brands_router
from api.routes.creators import router as creators_router
from api.routes.feedback import router as feedback_router
from api.routes.match import router as match_router
from api.routes.operations import public_manifest
from api.routes.operations import router as operations_router
from api.routes.page import STATIC
from api.routes.page import router as page_router

ROUTERS = (match_router, creators_router, brands_router, feedback_router, operations_router, admin_router,
           page_router)

__all__ = [
    "ROUTERS",
    "STATIC",
    "admin_router",
    "brands_router",
    "creators_router",
    "feedback_router",
    "match_router",
    "operations_router",
    "page_router",
    "public_manifest",
]
