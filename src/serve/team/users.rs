//! Users on the server, for administrators: the list, a new user (its password given or
//! made up and answered once), a new password, removal — what `prikaz users` does on the
//! command line.

// A refusal is an axum `Response`, returned early as axum's own extractors do.
#![allow(clippy::result_large_err)]

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde_json::{json, Value};

use super::answer;
use super::auth::user_json;
use super::Shared;
use crate::serve::reply::refuse;
use crate::workspace::accounts::{made_up_password, Role};
use crate::workspace::sessions::Session;

/// Refuses everyone but administrators.
fn admin_only(s: &Session) -> Result<(), Response> {
    if s.user.role == Role::Admin {
        Ok(())
    } else {
        Err(refuse(StatusCode::FORBIDDEN, "пользователями управляет администратор"))
    }
}

fn login_of(path: Result<Path<String>, PathRejection>) -> Result<String, Response> {
    crate::serve::api::segment(path)
}

pub async fn list(State(shared): State<Arc<Shared>>, Extension(s): Extension<Session>) -> Response {
    or_answer!(admin_only(&s));
    let ws = shared.workspace.clone();
    let users = or_answer!(answer::blocking(move || ws.users()).await);
    Json(Value::Array(users.iter().map(user_json).collect())).into_response()
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct NewUser {
    login: String,
    name: String,
    role: String,
    #[serde(default)]
    org: Option<String>,
    /// Made up when absent or empty.
    #[serde(default)]
    password: Option<String>,
}

pub async fn add(
    State(shared): State<Arc<Shared>>,
    Extension(s): Extension<Session>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    or_answer!(admin_only(&s));
    let new: NewUser =
        or_answer!(answer::json_body(body, "{\"login\", \"name\", \"role\": admin|methodologist|school, \"org\"}"));
    let Some(role) = Role::parse(&new.role) else {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, "роль — admin, methodologist или school");
    };
    let ws = shared.workspace.clone();
    let made = answer::blocking(move || {
        let (password, made_up) = match new.password.filter(|p| !p.is_empty()) {
            Some(p) => (p, false),
            None => (made_up_password()?, true),
        };
        let user = ws.add_user(Some(&s.user), &new.login, &new.name, role, new.org.as_deref(), &password)?;
        Ok((user, made_up.then_some(password)))
    })
    .await;
    let (user, password) = or_answer!(made);
    let mut v = user_json(&user);
    if let Some(p) = password {
        v["password"] = json!(p);
    }
    (StatusCode::CREATED, Json(v)).into_response()
}

#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct NewPassword {
    #[serde(default)]
    password: Option<String>,
}

pub async fn password(
    State(shared): State<Arc<Shared>>,
    Extension(s): Extension<Session>,
    login: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    or_answer!(admin_only(&s));
    let login = or_answer!(login_of(login));
    let asked: NewPassword = or_answer!(answer::json_body(body, "{\"password\": … или пусто}"));
    let ws = shared.workspace.clone();
    let set = answer::blocking(move || {
        let (password, made_up) = match asked.password.filter(|p| !p.is_empty()) {
            Some(p) => (p, false),
            None => (made_up_password()?, true),
        };
        ws.set_password(Some(&s.user), &login, &password)?;
        Ok(made_up.then_some(password))
    })
    .await;
    match or_answer!(set) {
        Some(p) => Json(json!({ "password": p })).into_response(),
        None => Json(json!({ "ok": true })).into_response(),
    }
}

pub async fn remove(
    State(shared): State<Arc<Shared>>,
    Extension(s): Extension<Session>,
    login: Result<Path<String>, PathRejection>,
) -> Response {
    or_answer!(admin_only(&s));
    let login = or_answer!(login_of(login));
    if crate::workspace::accounts::normalize_login(&login).is_ok_and(|l| l == s.user.login) {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, "себя удалить нельзя: это сделает другой администратор");
    }
    let ws = shared.workspace.clone();
    or_answer!(answer::blocking(move || ws.remove_user(Some(&s.user), &login)).await);
    Json(json!({ "ok": true })).into_response()
}
