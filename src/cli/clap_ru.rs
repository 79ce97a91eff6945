//! Clap's scaffolding in Russian: the help's layout and headings, value names, defaults
//! and allowed values written into the help text, examples and exit codes under every
//! command's help, and argument errors as Russian sentences that say what to do.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory};

/// The command line's definition, in Russian.
pub fn command() -> Command {
    let cmd = super::Cli::command()
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(Arg::new("version").short('V').long("version").action(ArgAction::Version).help("Показать версию"));
    localize(cmd, "prikaz")
}

/// Placeholders of values, by argument id; the same word for the same thing everywhere.
fn value_name(command: &str, id: &str) -> &'static str {
    match (command, id) {
        (_, "files") => "ФАЙЛ",
        ("render" | "batch" | "man", "output") => "ПАПКА",
        (_, "output") => "ФАЙЛ",
        (_, "file") if command == "schema" => "ФАЙЛ",
        (_, "workspace") => "ПАПКА",
        (_, "login") => "ЛОГИН",
        (_, "org") => "ОРГАНИЗАЦИЯ",
        (_, "role") => "РОЛЬ",
        (_, "file" | "into") => "ФАЙЛ",
        (_, "dir" | "templates" | "font_dir") => "ПАПКА",
        (_, "shell") => "ОБОЛОЧКА",
        (_, "name") => "ИМЯ",
        (_, "schools") => "СПИСОК",
        (_, "to") => "ГОД",
        (_, "date") => "ДАТА",
        (_, "number") => "НОМЕР",
        (_, "jobs") => "ЧИСЛО",
        (_, "title") => "ЗАГОЛОВОК",
        (_, "port") => "ПОРТ",
        (_, "listen") => "АДРЕС",
        (_, "hosts") => "ИМЯ",
        (_, "name_column") => "СТОЛБЕЦ",
        (_, "sheet") => "ЛИСТ",
        (_, "appendix") => "ID",
        (_, "old" | "changes_from") => "СТАРЫЙ",
        (_, "changes_author") => "ИМЯ",
        (_, "changes_date") => "ДАТА",
        (_, "new") => "НОВЫЙ",
        (_, "kind") => "ОБРАЗЕЦ",
        (_, "emit" | "only" | "format") => "ЧТО",
        _ => "ЗНАЧЕНИЕ",
    }
}

/// Examples and exit codes shown under a command's help.
fn after_help(command: &str) -> &'static str {
    match command {
        "prikaz" => "Примеры:\n  prikaz init мой-приказ\n  prikaz render мой-приказ/prikaz.json -o out\n  prikaz serve мой-приказ/prikaz.json --open\n\nСправка по команде: prikaz КОМАНДА --help",
        "validate" => "Примеры:\n  prikaz validate приказ.json\n  prikaz validate samples/*.json --strict\n  prikaz validate samples\\*.json      (Windows: * раскрывается и без оболочки)\n\nКоды выхода: 0 — ошибок нет, 1 — есть ошибки (или предупреждения с --strict), 2 — неверная команда.",
        "render" => "Примеры:\n  prikaz render приказ.json -o out\n  prikaz render приказ.json --only appendices -o out\n  prikaz render приказ.json --appendix plan --name \"План 2024\"\n  prikaz render приказ.json --format pdf --pdfa\n  prikaz render приказ.json --emit context > данные.json\n  prikaz render новый.json --changes-from подписанный.json -o out\n\nКоды выхода: 0 — файлы записаны, 1 — ошибки во входном файле или при записи, 2 — неверная команда.",
        "roll" => "Пример:\n  prikaz roll приказ-2023.json --to 2024 --date 2024-08-30 --number 16 -o приказ-2024.json\n\nКоды выхода: 0 — файл записан, 1 — ошибка во входном файле или файл уже есть, 2 — неверная команда.",
        "batch" => "Пример:\n  prikaz batch пакет.json --schools школы.csv -o out/школы\n\nКоды выхода: 0 — собраны все школы, 1 — часть школ не собрана (список причин в конце), 2 — неверная команда.",
        "init" => "Пример:\n  prikaz init мой-приказ --kind kindergarten\n\nКоды выхода: 0 — заготовка создана, 1 — файлы уже есть, 2 — неверная команда.",
        "import" => "Примеры:\n  prikaz import \"Приказ 2023.docx\" -o приказ.json\n  prikaz import план.xlsx -o план.json --sheet 2\n  prikaz import план.xlsx --into приказ.json --appendix plan\n\nКоды выхода: 0 — записано, 1 — не распознано, не прошло проверку или файл уже есть, 2 — неверная команда.",
        "serve" => "Примеры:\n  prikaz serve приказ.json --open\n  prikaz serve --workspace /var/lib/prikaz --host prikaz.uo.local --behind-https   (сервер отдела: docs/server.md)\n\nКоды выхода: 0 — остановлен, 1 — порт занят, файл — папка или в рабочей папке нет базы, 2 — неверная команда.",
        "users" => "Примеры:\n  prikaz users add admin --name \"Петрова А. С.\" --role admin --workspace /var/lib/prikaz\n  echo 'пароль' | prikaz users add sosh1 --name \"Сидорова О. В.\" --role school --org \"МБОУ СОШ № 1\" --workspace /var/lib/prikaz\n  prikaz users list --workspace /var/lib/prikaz\n\nКоды выхода: 0 — готово, 1 — ошибка (логин занят, короткий пароль, нет организации у школы), 2 — неверная команда.",
        "add" => "Пример:\n  prikaz users add ivanova --name \"Иванова И. П.\" --role methodologist --workspace /var/lib/prikaz\n\nКоды выхода: 0 — добавлен, 1 — логин занят, пароль короче 8 знаков или у школы нет --org, 2 — неверная команда.",
        "list" => "Пример:\n  prikaz users list --workspace /var/lib/prikaz\n\nКоды выхода: 0 — напечатано, 1 — в папке нет базы, 2 — неверная команда.",
        "passwd" => "Пример:\n  echo 'новый-пароль' | prikaz users passwd sosh1 --workspace /var/lib/prikaz\n\nКоды выхода: 0 — пароль изменён, 1 — нет такого пользователя или пароль короче 8 знаков, 2 — неверная команда.",
        "remove" => "Пример:\n  prikaz users remove sosh1 --workspace /var/lib/prikaz\n\nКоды выхода: 0 — удалён, 1 — нет такого пользователя или это последний администратор, 2 — неверная команда.",
        "backup" => "Пример:\n  prikaz backup --workspace /var/lib/prikaz /var/backups/prikaz/2026-12-08.sqlite\n\nКоды выхода: 0 — копия записана, 1 — ошибка (файл уже есть, нет базы), 2 — неверная команда.",
        "restore" => "Пример:\n  prikaz restore /var/backups/prikaz/2026-12-08.sqlite --workspace /var/lib/prikaz-restored\n\nКоды выхода: 0 — восстановлено, 1 — копия повреждена или папка уже с базой, 2 — неверная команда.",
        "completions" => "Примеры:\n  prikaz completions bash > /etc/bash_completion.d/prikaz\n  prikaz completions powershell >> $PROFILE\n\nКоды выхода: 0 — напечатано, 2 — неверная команда.",
        "man" => "Примеры:\n  prikaz man | man -l -\n  prikaz man -o /usr/local/share/man/man1\n\nКоды выхода: 0 — напечатано или записано, 1 — ошибка записи, 2 — неверная команда.",
        "diff" => "Примеры:\n  prikaz diff подписанный.json новый.json\n  prikaz diff подписанный.json новый.json --format json > изменения.json\n\nКоды выхода: 0 — различий нет, 1 — есть различия, 2 — файл не прочитан или с ошибками (как у diff).",
        "amend" => "Пример:\n  prikaz amend подписанный.json новый.json -o изменения.json --date 2024-10-01 --number 120\n  prikaz render изменения.json -o out\n\nКоды выхода: 0 — записан, 1 — ошибки в файлах, нет изменений, не задана дата или номер, или файл уже есть, 2 — неверная команда.",
        "schema" => "Пример:\n  prikaz schema -o prikaz.schema.json\n\nКоды выхода: 0 — записано, 1 — ошибка записи, 2 — неверная команда.",
        _ => "",
    }
}

fn localize(cmd: Command, path: &str) -> Command {
    let name = cmd.get_name().to_owned();
    let mut cmd = cmd
        .disable_help_flag(true)
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).help("Показать эту справку"));
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in &ids {
        if id == "help" || id == "version" {
            continue;
        }
        cmd = cmd.mut_arg(id, |a| {
            let mut help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
            let sentence = |help: &mut String, more: String| {
                if !help.is_empty() && !help.ends_with(['.', '!', '?']) {
                    help.push('.');
                }
                help.push(' ');
                help.push_str(&more);
            };
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                // A value's own help is shown when it is Russian (some are code docs).
                .map(|v| match v.get_help().map(|h| h.to_string()) {
                    Some(h)
                        if h.chars()
                            .any(|c| ('а'..='я').contains(&c.to_ascii_lowercase()) || ('А'..='Я').contains(&c)) =>
                    {
                        format!("{} — {}", v.get_name(), lower_first(h.trim_end_matches('.')))
                    }
                    _ => v.get_name().to_owned(),
                })
                .collect();
            if !values.is_empty() && a.get_action().takes_values() {
                sentence(&mut help, format!("Значения: {}.", values.join("; ")));
            }
            let defaults: Vec<String> =
                a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
            if !defaults.is_empty() && a.get_action().takes_values() {
                sentence(&mut help, format!("По умолчанию: {}.", defaults.join(", ")));
            }
            let a = a.help(help);
            // Only arguments that take values may hide them (clap asserts it in debug builds).
            if a.get_action().takes_values() {
                a.hide_default_value(true).hide_possible_values(true).value_name(value_name(&name, id))
            } else {
                a
            }
        });
    }
    let positionals: Vec<String> = cmd
        .get_positionals()
        .map(|a| {
            let v = value_name(&name, a.get_id().as_str());
            let many = matches!(a.get_action(), ArgAction::Append);
            match (a.is_required_set(), many) {
                (true, true) => format!("{v}..."),
                (true, false) => v.to_owned(),
                (false, _) => format!("[{v}]"),
            }
        })
        .collect();
    let has_subcommands = cmd.get_subcommands().next().is_some();
    let usage = if has_subcommands {
        format!("{path} КОМАНДА [ПАРАМЕТРЫ]")
    } else {
        format!("{path} {}[ПАРАМЕТРЫ]", positionals.iter().map(|p| format!("{p} ")).collect::<String>())
    };
    let mut template = String::from("{about}\n\nИспользование: {usage}\n");
    if has_subcommands {
        template.push_str("\nКоманды:\n{subcommands}\n");
    }
    if !positionals.is_empty() {
        template.push_str("\nАргументы:\n{positionals}\n");
    }
    template.push_str("\nПараметры:\n{options}{after-help}");
    cmd = cmd.override_usage(usage).help_template(template).after_help(after_help(&name));
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for s in subs {
        let sub_path = format!("{path} {s}");
        cmd = cmd.mut_subcommand(&s, |c| localize(c, &sub_path));
    }
    cmd
}

/// The text with its first letter in lower case: a value's help inside a sentence.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

fn text(v: Option<&ContextValue>) -> Option<String> {
    match v? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Number(n) => Some(n.to_string()),
        ContextValue::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn quoted(v: Option<&ContextValue>) -> Option<String> {
    match v? {
        ContextValue::Strings(v) => Some(v.iter().map(|s| format!("«{s}»")).collect::<Vec<_>>().join(", ")),
        other => text(Some(other)).map(|s| format!("«{s}»")),
    }
}

/// An argument error as a Russian sentence, the usage and where to read more; exit code 2.
/// Help and version are printed as they are (exit code 0).
pub fn report(e: clap::Error) -> std::process::ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            return std::process::ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
            eprint!("{}", e.render());
            return std::process::ExitCode::from(2);
        }
        _ => {}
    }
    let arg = text(e.get(ContextKind::InvalidArg))
        .or_else(|| text(e.get(ContextKind::InvalidSubcommand)))
        .map(|a| a.replace(" <", " ").replace(['>', '<'], ""));
    let value = text(e.get(ContextKind::InvalidValue));
    let suggestion = quoted(e.get(ContextKind::SuggestedArg))
        .or_else(|| quoted(e.get(ContextKind::SuggestedSubcommand)))
        .or_else(|| quoted(e.get(ContextKind::SuggestedValue)));
    let arg_s = arg.clone().unwrap_or_default();
    let mut message = match e.kind() {
        ErrorKind::UnknownArgument => format!("неизвестный параметр «{arg_s}»"),
        ErrorKind::InvalidSubcommand => {
            format!("нет команды «{arg_s}»; команды: validate, render, serve, import, init, roll, batch, schema")
        }
        // An option with free values and none given has an empty list of valid ones.
        ErrorKind::InvalidValue => match quoted(e.get(ContextKind::ValidValue)).filter(|v| !v.is_empty()) {
            Some(valid) => format!("«{}» не подходит для {arg_s}; можно: {valid}", value.clone().unwrap_or_default()),
            None => format!("у {arg_s} нет значения; укажите его после параметра"),
        },
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(&e).map(|s| s.to_string()).unwrap_or_default();
            let reason = if why.contains("digit") || why.contains("number") || why.contains("integer") {
                "нужно целое число".to_owned()
            } else if why.contains("IP address") {
                "нужен адрес вида 127.0.0.1 или 0.0.0.0".to_owned()
            } else if why.contains("too large") || why.contains("too small") {
                "число вне допустимых пределов".to_owned()
            } else {
                "значение не распознано".to_owned()
            };
            format!("«{}» не подходит для {arg_s}: {reason}", value.clone().unwrap_or_default())
        }
        ErrorKind::ArgumentConflict => {
            let prior = text(e.get(ContextKind::PriorArg)).unwrap_or_default().replace(['<', '>'], "");
            format!("{arg_s} нельзя указывать вместе с {prior}")
        }
        ErrorKind::MissingRequiredArgument => format!("не хватает: {}", arg_s.replace(", ", "; ")),
        ErrorKind::TooManyValues => {
            format!("лишнее значение «{}»", value.clone().unwrap_or(arg_s.clone()))
        }
        ErrorKind::InvalidUtf8 => "аргумент не в кодировке UTF-8".to_owned(),
        _ => "неверные аргументы команды".to_owned(),
    };
    if let Some(s) = suggestion {
        message.push_str(&format!("; может быть, {s}?"));
    }
    let usage = text(e.get(ContextKind::Usage)).map(|u| {
        let u = u.trim();
        u.strip_prefix("Usage:").or_else(|| u.strip_prefix("Использование:")).unwrap_or(u).trim().to_owned()
    });
    eprintln!("ошибка: {message}");
    if let Some(u) = &usage {
        eprintln!("\nИспользование: {u}");
    }
    let command = usage
        .as_deref()
        .and_then(|u| u.split_whitespace().nth(1))
        .filter(|c| !c.starts_with(['[', '-']) && *c != "КОМАНДА");
    match command {
        Some(c) => eprintln!("Справка: prikaz {c} --help"),
        None => eprintln!("Справка: prikaz --help"),
    }
    std::process::ExitCode::from(2)
}
