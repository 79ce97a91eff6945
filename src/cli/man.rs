//! `prikaz man [-o DIR]`: the manual page, generated from the same (Russian) command
//! definition as the help; with `-o`, one page per command as `man` finds them
//! (`prikaz.1`, `prikaz-render.1`, …), which the Debian package installs.

use std::path::Path;

use super::outcome::{Done, Failure, Outcome};

use clap::Command;

pub fn run(output: Option<&Path>) -> Outcome {
    let command = super::clap_ru::command();
    let Some(dir) = output else {
        super::out(format_args!("{}", page(&command, "prikaz")));
        return Ok(Done::Ok);
    };
    let mut files = vec![(dir.join("prikaz.1"), page(&command, "prikaz").into_bytes())];
    for sub in command.get_subcommands() {
        let name = format!("prikaz-{}", sub.get_name());
        files.push((dir.join(format!("{name}.1")), page(sub, &name).into_bytes()));
    }
    if let Err(e) = std::fs::create_dir_all(dir) {
        return Err(Failure::invalid(format!(
            "не удалось создать папку {}: {}",
            dir.display(),
            prikaz::output::os_error(&e)
        )));
    }
    let refs: Vec<(std::path::PathBuf, &[u8])> = files.iter().map(|(p, b)| (p.clone(), b.as_slice())).collect();
    if let Err(e) = prikaz::output::write_atomic_all(&refs) {
        return Err(Failure::invalid(e.to_string()));
    }
    for (path, _) in &files {
        super::outln!("{}", path.display());
    }
    Ok(Done::Ok)
}

/// One command's page in roff, with the section headings in Russian.
fn page(command: &Command, name: &str) -> String {
    let command = command.clone().name(name.to_owned()).bin_name(name.replace('-', " "));
    let mut roff = Vec::new();
    let man = clap_mangen::Man::new(command);
    // Writing into a Vec cannot fail.
    let _ = man.render(&mut roff);
    String::from_utf8_lossy(&roff).lines().map(|l| russian_line(l, name) + "\n").collect()
}

/// A line of clap_mangen's roff with its English words in Russian.
fn russian_line(line: &str, name: &str) -> String {
    if line.starts_with(".TH ") {
        // The title line with every field quoted (an empty date would shift the others).
        return format!(".TH {name} 1 \"\" \"prikaz {}\" \"Руководство prikaz\"", env!("CARGO_PKG_VERSION"));
    }
    russian_heading(line).replace(r"<\fIsubcommands\fR>", r"\fIКОМАНДА\fR")
}

/// clap_mangen's English section headings, as Russian man pages name them.
fn russian_heading(line: &str) -> String {
    let Some(title) = line.strip_prefix(".SH ") else {
        return line.to_owned();
    };
    let ru = match title.trim_matches('"') {
        "NAME" => "ИМЯ",
        "SYNOPSIS" => "ОБЗОР",
        "DESCRIPTION" => "ОПИСАНИЕ",
        "OPTIONS" => "ПАРАМЕТРЫ",
        "SUBCOMMANDS" => "КОМАНДЫ",
        "EXTRA" => "ПРИМЕРЫ",
        "VERSION" => "ВЕРСИЯ",
        "AUTHORS" | "AUTHOR" => "АВТОРЫ",
        other => other,
    };
    format!(".SH {ru}")
}
