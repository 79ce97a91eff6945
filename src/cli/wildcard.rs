//! File arguments with `*`, `?` or `[…]` that the shell passed on unexpanded: cmd.exe and
//! PowerShell never expand them (`prikaz validate samples\*.json`), and a Unix shell passes
//! a pattern that matched nothing as it is.

use std::path::PathBuf;

/// The files the arguments name, each pattern replaced by its matches in name order. An
/// existing file whose name holds a wildcard character is taken as it is.
pub fn expand(args: Vec<PathBuf>) -> Result<Vec<PathBuf>, String> {
    let options = glob::MatchOptions {
        case_sensitive: !cfg!(windows),
        require_literal_separator: true,
        require_literal_leading_dot: true,
    };
    let mut files = Vec::with_capacity(args.len());
    for arg in args {
        let text = arg.to_string_lossy();
        if arg.exists() || !text.contains(['*', '?', '[']) {
            files.push(arg);
            continue;
        }
        let matches = glob::glob_with(&text, options)
            .map_err(|e| format!("шаблон имён «{text}» записан неверно: {}", pattern_error(&e)))?;
        let before = files.len();
        // Unreadable folders on the way are skipped, as a shell skips them.
        files.extend(matches.filter_map(Result::ok).filter(|p| p.is_file()));
        if files.len() == before {
            return Err(format!("по шаблону «{text}» не найдено ни одного файла"));
        }
    }
    Ok(files)
}

fn pattern_error(e: &glob::PatternError) -> String {
    format!("ошибка в знаке {} — проверьте скобки [ ]", e.pos + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_becomes_its_files_in_name_order() {
        let dir = std::env::temp_dir().join(format!("prikaz-wildcard-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for name in ["б.json", "а.json", "в.txt"] {
            std::fs::write(dir.join(name), "{}").unwrap();
        }
        let found = expand(vec![dir.join("*.json")]).unwrap();
        assert_eq!(found, vec![dir.join("а.json"), dir.join("б.json")]);
        let missing = expand(vec![dir.join("*.xlsx")]).unwrap_err();
        assert!(missing.contains("не найдено ни одного файла"), "{missing}");
        // A plain name that does not exist is left for the reader to report.
        assert_eq!(expand(vec![dir.join("нет.json")]).unwrap(), vec![dir.join("нет.json")]);
        assert!(expand(vec![dir.join("[.json")]).unwrap_err().contains("записан неверно"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
