"""The plain JSON API beside gradio's, on the same server: for scripts and services that don't speak gradio_client.

    POST   /api/ask                 {"question": "...", "top_k": 5, "publishers": "AP", ...} -> the `rag ask --json` object
                                    plus "answer_id"
    POST   /api/feedback            {"answer_id": "...", "rating": "up"|"down", "comment": "..."}
    GET    /api/articles            the indexed articles
    DELETE /api/articles/{id}       remove one article

One request, one response: no queue to join and no event stream to read, so an answer costs a fraction of
the CPU of gradio's /ask (two HTTP requests and a server-sent-event stream per call). Questions are
answered on a pool of RAG_ASK_WORKERS threads, beside the UI's own (ui/api.py's `assistant` queue).
Every failure is one sentence in `{"detail": "..."}` with a 4xx status when the request should change (400
bad input, 401 no or wrong credentials, 404 no such article, 409 busy or wrong index) and 5xx when the
server or the store failed, like the gradio endpoints' (ui/api.py `status_of`).

With RAG_UI_AUTH set, every route needs the same user and password as the UI: HTTP Basic credentials, or
the session cookie of a browser (or gradio_client) signed in at /login. Failed Basic sign-ins count
against the same per-address throttle as the page's (ui/throttle.py). Like the UI, this is an adapter
over `Assistant`: the routes only parse, call and shape.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import inspect
import json
import secrets
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

import orjson  # comes with gradio
from fastapi import APIRouter, Request
from starlette.responses import Response
from starlette.routing import BaseRoute

from rag.assistant import Assistant
from rag.errors import SourcedError
from rag.requests import AskRequest

from ui.answers import AnswerLedger
from ui.api import status_of
from ui.failures import explain_failure
from ui.feedback import FeedbackRecorder, FeedbackRefused, feedback_path
from ui.library import LibraryController

API_ROOT = "/api"
# A question is at most RAG_MAX_QUESTION_CHARS; a body much larger than any valid request is refused unread.
MAX_BODY_BYTES = 256_000
REALM = 'Basic realm="Sourced", charset="UTF-8"'
SIGN_IN_NEEDED = (
    "Sign in first: send the user and password of RAG_UI_AUTH as HTTP Basic credentials "
    "(curl -u user:password ...)."
)
WRONG_CREDENTIALS = "Wrong user or password; use the user and password of RAG_UI_AUTH."


class ApiRefusal(Exception):
    """A request refused at the edge: `status` and one sentence."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def json_response(value: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(orjson.dumps(value), status_code=status, media_type="application/json", headers=headers)


def refusal(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return json_response({"detail": message}, status, headers)


async def _signed_in(request: Request) -> bool:
    """Whether the request carries the app's credentials (always true when the app has none).

    Raises ApiRefusal(401) for credentials that are present but wrong (counted by the throttle)."""
    app = request.app
    auth = getattr(app, "auth", None)
    if auth is None and getattr(app, "auth_dependency", None) is None:
        return True
    if getattr(app, "auth_dependency", None) is not None:  # a host app's own sign-in (gr.mount_gradio_app)
        user = app.auth_dependency(request)
        return (await user if inspect.isawaitable(user) else user) is not None
    cookie_id = getattr(app, "cookie_id", "")
    token = request.cookies.get(f"access-token-{cookie_id}") or request.cookies.get(f"access-token-unsecure-{cookie_id}")
    if token and token in getattr(app, "tokens", {}):
        return True
    header = request.headers.get("authorization")
    if not header:
        return False
    scheme, _, encoded = header.partition(" ")
    try:
        user, sep, password = base64.b64decode(encoded.strip(), validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        sep = ""
    if scheme.lower() != "basic" or not sep:
        raise ApiRefusal(401, "Send the credentials as HTTP Basic (user:password), as curl -u does.")
    if callable(auth):
        accepted = auth(user, password)
        accepted = await accepted if inspect.isawaitable(accepted) else accepted
    else:
        expected = auth.get(user) if isinstance(auth, dict) else None
        # compare even for an unknown user, so the time taken does not tell which users exist
        accepted = secrets.compare_digest(password.encode(), (expected or secrets.token_hex(16)).encode())
        accepted = accepted and expected is not None
    if not accepted:
        raise ApiRefusal(401, WRONG_CREDENTIALS)
    return True


async def _json_object(request: Request) -> dict[str, Any]:
    too_large = ApiRefusal(413, f"The request is larger than {MAX_BODY_BYTES // 1000} kB; send a shorter question.")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise too_large
    body = bytearray()
    async for piece in request.stream():  # read no further than the limit, whatever the header said
        body += piece
        if len(body) > MAX_BODY_BYTES:
            raise too_large
    not_an_object = ApiRefusal(400, 'The request body must be a JSON object, like {"question": "..."}.')
    try:
        value = json.loads(body) if body.strip() else None
    except (ValueError, UnicodeDecodeError):
        raise ApiRefusal(400, 'The request body is not valid JSON; send an object like {"question": "..."}.') from None
    except RecursionError:  # arrays or objects nested deeper than the parser recurses: no request needs that
        raise not_an_object from None
    if not isinstance(value, dict):
        raise not_an_object
    return value


def rest_router(assistant: Assistant, library: LibraryController, answers: AnswerLedger) -> APIRouter:
    """The routes, answering on their own pool of RAG_ASK_WORKERS threads."""
    settings = assistant.settings
    recorder = FeedbackRecorder(answers, feedback_path(settings.data_dir))
    pool = ThreadPoolExecutor(max_workers=settings.ask_workers, thread_name_prefix="sourced-api")
    router = APIRouter(prefix=API_ROOT)

    async def respond(request: Request, doing: str, work: Callable[[Any], Any], *, body: bool = False) -> Response:
        """Check the credentials, read the JSON body (when `body`), run `work(body)` on the pool, shape the outcome."""
        try:
            if not await _signed_in(request):
                raise ApiRefusal(401, SIGN_IN_NEEDED)
            values = await _json_object(request) if body else None
            result = await asyncio.get_running_loop().run_in_executor(pool, work, values)
        except ApiRefusal as refused:
            return refusal(refused.status, refused.message, {"WWW-Authenticate": REALM} if refused.status == 401 else None)
        except FeedbackRefused as failure:
            return refusal(status_of(failure), failure.message)
        except SourcedError as failure:
            return refusal(status_of(failure), failure.message)
        except Exception as failure:  # noqa: BLE001  the edge: one sentence for anything, the traceback to the log
            return refusal(status_of(failure), explain_failure(failure, assistant, doing))
        return json_response(result)

    @router.post("/ask")
    async def ask(request: Request) -> Response:
        """Answer one question: the `rag ask --json` object plus `answer_id` (for /api/feedback)."""

        def work(values: dict[str, Any]) -> dict[str, Any]:
            # JSON has numbers: "top_k": "5" is a wrong type here, as README says (the CLI reads "5" as 5)
            parsed = AskRequest.parse(values, max_question_chars=settings.max_question_chars, strict_types=True)
            # an explicit "mode": "llm" must not silently degrade: an endpoint failure is a 502, as documented
            answer = assistant.ask(parsed, fallback=parsed.mode != "llm")
            answer_id = answers.issue(answer, parsed.as_record(settings))
            return {**answer.to_contract(), "answer_id": answer_id}

        return await respond(request, "Answering", work, body=True)

    @router.post("/feedback")
    async def feedback(request: Request) -> Response:
        """Rate an answer this server gave: {"answer_id", "rating": "up"|"down", "comment"?}."""

        def work(values: dict[str, Any]) -> dict[str, Any]:
            unknown = sorted(set(values) - {"answer_id", "rating", "comment"})
            if unknown:
                raise ApiRefusal(400, f"{unknown[0]} is not a field of a rating; use answer_id, rating and comment.")
            # Name the field at fault, rather than "no record of that answer" for an id that was never sent.
            answer_id = values.get("answer_id")
            if answer_id is None:
                raise ApiRefusal(400, "answer_id is missing; send the answer_id that /api/ask returned with the answer.")
            if not isinstance(answer_id, str) or not answer_id.strip():
                raise ApiRefusal(400, "answer_id must be text: the answer_id that /api/ask returned with the answer.")
            saved = recorder.rate(values.get("answer_id"), values.get("rating"), values.get("comment"))
            message = "Saved." if saved.written else "This rating and comment were already saved."
            return {"saved": True, "answer_id": values.get("answer_id"), "rating": values.get("rating"),
                    "message": message}

        return await respond(request, "Saving the feedback", work, body=True)

    @router.get("/articles")
    async def articles(request: Request) -> Response:
        """The indexed articles: id, title, publisher (source), date, url and passage count."""

        def work(_: None) -> list[dict[str, Any]]:
            return [{k: v for k, v in a.summary().items() if k != "path"} for a in assistant.articles()]

        return await respond(request, "Listing the articles", work)

    @router.delete("/articles/{article_id:path}")
    async def delete_article(request: Request, article_id: str) -> Response:
        """Remove one article and its passages from the index."""

        def work(_: None) -> dict[str, Any]:
            if assistant.article(article_id) is None:
                raise ApiRefusal(404, f"No article has the id '{article_id}'; GET {API_ROOT}/articles lists them.")
            done, message = library.delete(article_id)
            if not done:
                raise ApiRefusal(409, message)
            return {"deleted": article_id, "message": message}

        return await respond(request, "Deleting the article", work)

    return router


def rest_routes(assistant: Assistant, library: LibraryController, answers: AnswerLedger) -> list[BaseRoute]:
    """The routes as a list, for FastAPI(routes=...) (gradio's `app_kwargs`)."""
    return list(rest_router(assistant, library, answers).routes)
