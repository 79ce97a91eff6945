//! Logging in and out: `POST /api/login` `{"login", "password"}` sets the session cookie
//! and answers the CSRF token; `POST /api/logout`; `GET /api/me` (who is logged in, with
//! the token again, for a page opened later).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde_json::{json, Value};

use super::answer;
use super::gate::COOKIE;
use super::Shared;
use crate::serve::reply::refuse;
use crate::workspace::accounts::User;
use crate::workspace::sessions::{Session, LIFETIME};
use crate::workspace::Error;

#[derive(serde::Deserialize)]
struct Credentials {
    login: String,
    password: String,
}

pub fn user_json(user: &User) -> Value {
    json!({
        "login": user.login,
        "name": user.name,
        "role": user.role.as_str(),
        "role_name": user.role.russian(),
        "org": user.org.as_ref().map(|o| o.name.clone()),
    })
}

fn cookie(value: &str, max_age: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{COOKIE}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}")
}

pub async fn login(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let given: Credentials = match answer::json_body(body, "{\"login\": …, \"password\": …}") {
        Ok(c) => c,
        Err(r) => return r,
    };
    let key = given.login.trim().to_lowercase();
    if let Some(wait) = shared.gate.locked(&key) {
        return answer::error(Error::TooMany {
            message: format!(
                "слишком много неверных паролей для «{key}»: попробуйте через {} мин или попросите администратора \
                 задать новый пароль",
                wait.div_ceil(60)
            ),
            wait,
        });
    }
    let Ok(_slot) = shared.gate.hashing.clone().acquire_owned().await else {
        return refuse(StatusCode::SERVICE_UNAVAILABLE, "сервер останавливается");
    };
    let ws = shared.workspace.clone();
    let found = answer::blocking(move || ws.verify(&given.login, &given.password)).await;
    drop(_slot);
    let user = match found {
        Ok(Some(u)) => u,
        Ok(None) => {
            // The answer is held back, longer after each wrong try.
            tokio::time::sleep(shared.gate.failed(&key)).await;
            return refuse(StatusCode::UNAUTHORIZED, "неверный логин или пароль");
        }
        Err(r) => return r,
    };
    shared.gate.succeeded(&key);
    let ws = shared.workspace.clone();
    let started = {
        let user = user.clone();
        answer::blocking(move || ws.start_session(&user)).await
    };
    match started {
        Ok((token, csrf)) => {
            let set = cookie(&token, LIFETIME, shared.gate.secure(&headers));
            ([(header::SET_COOKIE, set)], Json(json!({ "csrf": csrf, "user": user_json(&user) }))).into_response()
        }
        Err(r) => r,
    }
}

pub async fn logout(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    if let Some(token) = super::gate::cookie_token(&headers) {
        let ws = shared.workspace.clone();
        if let Err(r) = answer::blocking(move || ws.end_session(&token)).await {
            return r;
        }
    }
    let clear = cookie("", 0, shared.gate.secure(&headers));
    ([(header::SET_COOKIE, clear)], Json(json!({ "ok": true }))).into_response()
}

pub async fn me(Extension(session): Extension<Session>) -> Json<Value> {
    Json(json!({ "user": user_json(&session.user), "csrf": session.csrf }))
}
