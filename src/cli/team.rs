//! The department server's workspace from the command line: `prikaz users add|list|passwd|
//! remove`, `prikaz backup`, `prikaz restore`.

use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::outcome::{Done, Failure, Outcome};
use super::outln;
use crate::workspace::accounts::Role;
use crate::workspace::Workspace;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum RoleArg {
    /// Администратор: управляет пользователями, видит все документы.
    Admin,
    /// Методист: видит все документы, публикует шаблоны, формирует документы всех школ.
    Methodologist,
    /// Школа: видит и правит только документы своей организации.
    School,
}

impl From<RoleArg> for Role {
    fn from(r: RoleArg) -> Role {
        match r {
            RoleArg::Admin => Role::Admin,
            RoleArg::Methodologist => Role::Methodologist,
            RoleArg::School => Role::School,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Action {
    /// Добавить пользователя. Пароль читается со стандартного ввода; если ввод пуст
    /// (или это терминал и введена пустая строка), пароль придумывается и печатается один раз.
    Add {
        /// Логин: буквы, цифры и . _ - @.
        login: String,
        /// Имя, как его показывать: «Иванова Ирина Петровна».
        #[arg(long, value_name = "ИМЯ")]
        name: String,
        /// Роль.
        #[arg(long, value_enum)]
        role: RoleArg,
        /// Организация (для школы обязательна; как в списке школ): «МБОУ СОШ № 1».
        #[arg(long, value_name = "ОРГАНИЗАЦИЯ")]
        org: Option<String>,
        /// Рабочая папка сервера (создаётся, если её нет).
        #[arg(long, value_name = "ПАПКА")]
        workspace: PathBuf,
    },
    /// Напечатать пользователей.
    List {
        #[arg(long, value_name = "ПАПКА")]
        workspace: PathBuf,
    },
    /// Задать пользователю новый пароль (со стандартного ввода или придуманный); его сеансы
    /// закончатся.
    Passwd {
        login: String,
        #[arg(long, value_name = "ПАПКА")]
        workspace: PathBuf,
    },
    /// Удалить пользователя: войти он больше не сможет, его версии документов останутся.
    Remove {
        login: String,
        #[arg(long, value_name = "ПАПКА")]
        workspace: PathBuf,
    },
}

fn failure(e: crate::workspace::Error) -> Failure {
    Failure::invalid(e.to_string())
}

pub fn run(action: Action) -> Outcome {
    match action {
        Action::Add { login, name, role, org, workspace } => {
            let ws = Workspace::open(&workspace, true).map_err(failure)?;
            let (password, made_up) = password()?;
            let user = ws.add_user(None, &login, &name, role.into(), org.as_deref(), &password).map_err(failure)?;
            let org = user.org.as_ref().map_or(String::new(), |o| format!(", {}", o.name));
            outln!("добавлен {} — {} ({}{org})", user.login, user.name, user.role.russian());
            if made_up {
                outln!("пароль: {password}");
                outln!("передайте его пользователю; больше он нигде не показывается");
            }
            Ok(Done::Ok)
        }
        Action::List { workspace } => {
            let ws = Workspace::open(&workspace, false).map_err(failure)?;
            for u in ws.users().map_err(failure)? {
                let org = u.org.as_ref().map_or(String::new(), |o| o.name.clone());
                outln!("{}\t{}\t{}\t{org}", u.login, u.role.as_str(), u.name);
            }
            Ok(Done::Ok)
        }
        Action::Passwd { login, workspace } => {
            let ws = Workspace::open(&workspace, false).map_err(failure)?;
            let (password, made_up) = password()?;
            ws.set_password(None, &login, &password).map_err(failure)?;
            outln!("пароль {login} изменён; его сеансы закончены");
            if made_up {
                outln!("новый пароль: {password}");
            }
            Ok(Done::Ok)
        }
        Action::Remove { login, workspace } => {
            let ws = Workspace::open(&workspace, false).map_err(failure)?;
            ws.remove_user(None, &login).map_err(failure)?;
            outln!("пользователь {login} удалён; его версии документов сохранены");
            Ok(Done::Ok)
        }
    }
}

/// The password from standard input (its first line), or a new one when that is empty.
fn password() -> Result<(String, bool), Failure> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("пароль (пустая строка — придумать): ");
    }
    let mut line = String::new();
    stdin.lock().read_line(&mut line).map_err(|e| Failure::invalid(format!("стандартный ввод: {e}")))?;
    let line = line.trim_end_matches(['\r', '\n']).to_owned();
    if line.is_empty() {
        return Ok((crate::workspace::accounts::made_up_password().map_err(failure)?, true));
    }
    Ok((line, false))
}

pub fn backup(workspace: &Path, file: &Path) -> Outcome {
    let ws = Workspace::open(workspace, false).map_err(failure)?;
    ws.backup(file).map_err(failure)?;
    outln!("копия рабочей папки {}: {}", workspace.display(), file.display());
    Ok(Done::Ok)
}

pub fn restore(file: &Path, workspace: &Path) -> Outcome {
    let ws = Workspace::restore_from(file, workspace).map_err(failure)?;
    let users = ws.users().map_err(failure)?.len();
    outln!(
        "рабочая папка {} восстановлена из {} (пользователей: {users}); запустите: prikaz serve --workspace {}",
        workspace.display(),
        file.display(),
        workspace.display()
    );
    Ok(Done::Ok)
}
