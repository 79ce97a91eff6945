//! Command-line interface: clap types and one module per subcommand.

mod amend;
mod batch;
pub mod clap_ru;
mod completions;
mod diff;
mod import;
mod init;
mod man;
mod outcome;
mod render;
mod report;
mod roll;
mod schema;
pub mod serve;
mod team;
mod validate;
mod wildcard;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Writes to standard output. A reader that stops early (`prikaz … | head`) ends the
/// output quietly, where `print!` would panic; any other failure is reported.
pub(crate) fn out(text: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_fmt(text).and_then(|()| stdout.flush()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("ошибка: не удалось вывести результат: {e}");
        }
    }
}

/// `println!` through [`out`].
macro_rules! outln {
    ($($arg:tt)*) => { $crate::cli::out(format_args!("{}\n", format_args!($($arg)*))) };
}
pub(crate) use outln;

/// Приказ и дорожная карта: из JSON-описания в DOCX и PDF.
#[derive(Debug, Parser)]
#[command(name = "prikaz", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Проверить входные файлы: синтаксис, типы, смысловые ошибки.
    Validate {
        /// Файлы .json.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Считать предупреждения ошибками.
        #[arg(long)]
        strict: bool,
        /// Перечислить типографские правки текста (неразрывные пробелы, тире, кавычки) с местом в файле,
        /// чтобы исправить их в самом файле.
        #[arg(long)]
        explain: bool,
    },
    /// Что изменилось между двумя версиями документа: по-русски, с номерами строк и пунктов
    /// старой (подписанной) версии.
    Diff {
        /// Старая версия (.json), например подписанная.
        old: PathBuf,
        /// Новая версия (.json).
        new: PathBuf,
        /// Как выводить: text — строки по-русски, json — данные (вид, место, было, стало,
        /// JSON-пути в обоих файлах).
        #[arg(long, value_enum, default_value_t = diff::Format::Text)]
        format: diff::Format,
    },
    /// Приказ о внесении изменений из двух версий: каждое изменение — пунктом («строку 3.1
    /// исключить», «в строке 1.2 в графе «Сроки» слова … заменить словами …»).
    Amend {
        /// Старая (подписанная) версия (.json).
        old: PathBuf,
        /// Новая версия (.json).
        new: PathBuf,
        /// Куда записать входной файл приказа о внесении изменений (.json).
        #[arg(short, long)]
        output: PathBuf,
        /// Дата приказа о внесении изменений (ГГГГ-ММ-ДД); без неё — дата новой версии, если она
        /// другая.
        #[arg(long)]
        date: Option<String>,
        /// Номер приказа о внесении изменений; без него — номер новой версии, если он другой.
        #[arg(long)]
        number: Option<String>,
        /// Записать поверх существующего файла.
        #[arg(long)]
        force: bool,
    },
    /// Перенести план на другой учебный год: сдвинуть структурированные даты и сроки.
    Roll {
        /// Входной файл .json.
        file: PathBuf,
        /// Год начала нового плана (учебного года): 2024 для 2024–2025.
        #[arg(long)]
        to: i32,
        /// Куда записать новый файл .json.
        #[arg(short, long)]
        output: PathBuf,
        /// Дата нового приказа (ГГГГ-ММ-ДД); без неё дата сдвигается на те же годы.
        #[arg(long)]
        date: Option<String>,
        /// Номер нового приказа; без него остаётся прежний (с предупреждением).
        #[arg(long)]
        number: Option<String>,
        /// Записать поверх входного файла (без этого флага roll его не перезаписывает).
        #[arg(long)]
        force: bool,
    },
    /// Пакет: приказ и дорожная карта для каждой школы из списка.
    Batch {
        /// Файл пакета: {"municipal": приказ управления, "school": шаблон документа школы}.
        file: PathBuf,
        /// Список школ: таблица CSV (как сохраняет Excel: UTF-8 или Windows-1251, «;» или «,»), .xlsx, .xls
        /// или .ods (первый лист; заголовок — строка с названиями полей, можно под строками
        /// названия и в две строки; свои названия столбцов — поле "columns" файла пакета) или
        /// JSON {"schools": [...]}.
        #[arg(long)]
        schools: PathBuf,
        /// Папка для результатов.
        #[arg(short, long, default_value = "out")]
        output: PathBuf,
        /// Сколько документов собирать одновременно (по умолчанию — по числу ядер).
        #[arg(short, long)]
        jobs: Option<usize>,
        /// Папка со своими шаблонами.
        #[arg(long, value_name = "ПАПКА")]
        templates: Option<PathBuf>,
        /// Столбец списка, по которому называются файлы школ (по умолчанию short_name, name или
        /// первый столбец); то же — поле "name_column" файла пакета.
        #[arg(long, value_name = "СТОЛБЕЦ")]
        name_column: Option<String>,
    },
    /// Создать заготовку: файл приказа с примером, схему и копию шаблонов.
    Init {
        /// Папка для заготовки (создаётся при необходимости).
        dir: PathBuf,
        /// С какого документа начать.
        #[arg(long, value_enum, default_value_t = init::Kind::Order)]
        kind: init::Kind,
    },
    /// Взять приказ и план из документа Word (.docx) или план из таблицы Excel/Calc (.xlsx, .xls,
    /// .ods) или CSV; --into — заменить строки плана в готовом файле.
    Import {
        /// Документ Word (.docx), таблица (.xlsx, .xls, .ods) или CSV.
        file: PathBuf,
        /// Куда записать входной файл .json.
        #[arg(short, long, required_unless_present = "into", conflicts_with = "into")]
        output: Option<PathBuf>,
        /// Заменить строки плана в существующем входном файле (прежняя версия сохраняется как .bak).
        #[arg(long, value_name = "ФАЙЛ")]
        into: Option<PathBuf>,
        /// С --into: какое приложение заменить — его id или номер.
        #[arg(long, value_name = "ID", requires = "into")]
        appendix: Option<String>,
        /// Лист книги Excel или Calc: имя или номер с 1 (по умолчанию первый).
        #[arg(long, value_name = "ЛИСТ")]
        sheet: Option<String>,
        /// Заголовок приложения; без него — имя файла таблицы.
        #[arg(long)]
        title: Option<String>,
        /// Перезаписать существующий файл.
        #[arg(long)]
        force: bool,
    },
    /// Открыть редактор в браузере: текст документа и его страницы рядом, с проверкой на лету.
    Serve {
        /// Входной файл .json, который редактор откроет и будет сохранять.
        file: Option<PathBuf>,
        /// Порт.
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Адрес, на котором слушать (по умолчанию только этот компьютер, 127.0.0.1).
        #[arg(long, value_name = "АДРЕС")]
        listen: Option<std::net::IpAddr>,
        /// Ещё одно имя, по которому открывают редактор (кроме 127.0.0.1 и localhost), например
        /// имя этого компьютера в сети вместе с --listen; можно повторять.
        #[arg(long = "host", value_name = "ИМЯ")]
        hosts: Vec<String>,
        /// Открыть редактор в браузере.
        #[arg(long)]
        open: bool,
        /// Сервер для отдела: пользователи, документы школ и все их версии в базе в этой папке
        /// (создаётся командой prikaz users add … --workspace ПАПКА).
        #[arg(long, value_name = "ПАПКА", conflicts_with_all = ["file", "open"])]
        workspace: Option<PathBuf>,
        /// Перед сервером стоит прокси с HTTPS (nginx): cookie сеанса только по HTTPS.
        #[arg(long, requires = "workspace")]
        behind_https: bool,
    },
    /// Пользователи сервера отдела (prikaz serve --workspace).
    Users {
        #[command(subcommand)]
        action: team::Action,
    },
    /// Резервная копия рабочей папки сервера в один файл; можно при работающем сервере.
    Backup {
        /// Рабочая папка сервера.
        #[arg(long, value_name = "ПАПКА")]
        workspace: PathBuf,
        /// Файл копии (новый).
        #[arg(value_name = "ФАЙЛ")]
        file: PathBuf,
    },
    /// Восстановить рабочую папку сервера из резервной копии (в новую папку).
    Restore {
        /// Файл копии, сделанный prikaz backup.
        #[arg(value_name = "ФАЙЛ")]
        file: PathBuf,
        /// Новая рабочая папка.
        #[arg(long, value_name = "ПАПКА")]
        workspace: PathBuf,
    },
    /// Напечатать сценарий дополнения команд и параметров по Tab для оболочки.
    Completions {
        /// Оболочка.
        #[arg(value_enum)]
        shell: completions::Shell,
    },
    /// Напечатать страницу руководства (man) или записать в папку страницы всех команд.
    Man {
        /// Папка для страниц prikaz.1, prikaz-render.1, …
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Напечатать JSON Schema входного формата.
    Schema {
        /// Записать в файл вместо стандартного вывода.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Сформировать DOCX и PDF.
    Render {
        /// Входной файл .json.
        file: PathBuf,
        /// Папка для результатов.
        #[arg(short, long, default_value = "out")]
        output: PathBuf,
        /// Папка со своими шаблонами: файл в ней заменяет встроенный с тем же именем.
        #[arg(long, value_name = "ПАПКА")]
        templates: Option<PathBuf>,
        /// Вывести вместо файлов то, что видят шаблоны, или что из них получилось.
        #[arg(long, value_enum)]
        emit: Option<render::Emit>,
        /// Собрать только часть документа.
        #[arg(long, value_enum, conflicts_with = "appendix")]
        only: Option<render::Only>,
        /// Собрать одно приложение: его id из файла или порядковый номер (1, 2, …).
        #[arg(long)]
        appendix: Option<String>,
        /// Имя файлов результата без расширения (по умолчанию — имя входного файла).
        #[arg(long)]
        name: Option<String>,
        /// Какие файлы писать: docx, pdf или оба (по умолчанию оба).
        #[arg(long, value_enum)]
        format: Option<render::Format>,
        /// PDF в формате PDF/A-2b (для архивного хранения), с проверкой при записи; вместе с
        /// --tagged — PDF/A-2a.
        #[arg(long)]
        pdfa: bool,
        /// PDF с разметкой структуры (теги): заголовки, абзацы, списки и таблицы видны
        /// экранным дикторам и программам, читающим таблицы, — для публикации на сайте
        /// школы или управления. Файл больше: у образцов на 10–150 %.
        #[arg(long)]
        tagged: bool,
        /// Папка со своими шрифтами для PDF (например, Times New Roman или PT Astra Serif):
        /// файлы …Regular, …Bold, …Italic, …BoldItalic (.ttf/.otf).
        #[arg(long, value_name = "ПАПКА")]
        font_dir: Option<PathBuf>,
        /// Встроить шрифты в DOCX (Liberation Serif), чтобы документ выглядел так же на
        /// машине без них; файл становится больше примерно на 850 КБ.
        #[arg(long)]
        embed_fonts: bool,
        /// Показать изменения с прежней (подписанной) версии: DOCX с исправлениями Word
        /// (принять все — новый текст, отклонить все — прежний), в PDF — черта на полях у
        /// изменённых строк. Файлы получают имя «…-изменения».
        #[arg(long, conflicts_with = "emit")]
        changes_from: Option<PathBuf>,
        /// Автор исправлений в DOCX (по умолчанию «prikaz»).
        #[arg(long, requires = "changes_from")]
        changes_author: Option<String>,
        /// Дата исправлений в DOCX, ГГГГ-ММ-ДД (по умолчанию — дата нового приказа).
        #[arg(long, requires = "changes_from")]
        changes_date: Option<String>,
    },
}

/// `-o` of render and batch is a folder: a name like a file's is most likely a mistake.
fn warn_if_file_like(output: &std::path::Path) {
    let ext = output.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if matches!(ext.as_str(), "docx" | "pdf" | "json" | "doc") && !output.is_dir() {
        report::warning(format_args!(
            "-o — это папка для файлов, а «{}» похоже на имя файла; файлы будут записаны в папку с этим именем",
            output.display()
        ));
    }
}

/// Runs one parsed command line: the command's outcome, printed and turned into the exit
/// code in one place ([`outcome::finish`]).
pub fn run(cli: Cli) -> ExitCode {
    outcome::finish(command(cli.command))
}

fn command(command: Command) -> outcome::Outcome {
    match command {
        Command::Validate { files, strict, explain } => match wildcard::expand(files) {
            Ok(files) => validate::run(&files, strict, explain),
            Err(e) => Err(outcome::Failure::invalid(e)),
        },
        Command::Schema { output } => schema::run(output.as_deref()),
        Command::Completions { shell } => completions::run(shell),
        Command::Man { output } => man::run(output.as_deref()),
        Command::Import { file, output, into, appendix, sheet, title, force } => match (output, into) {
            (_, Some(into)) => import::run_into(&file, &into, appendix.as_deref(), sheet.as_deref()),
            (Some(output), None) => import::run(&file, &output, title.as_deref(), sheet.as_deref(), force),
            (None, None) => unreachable!("clap requires -o or --into"),
        },
        Command::Init { dir, kind } => init::run(&dir, kind),
        Command::Diff { old, new, format } => diff::run(&old, &new, format),
        Command::Amend { old, new, output, date, number, force } => {
            amend::run(&old, &new, &output, date.as_deref(), number, force)
        }
        Command::Serve { workspace: Some(folder), port, listen, hosts, behind_https, .. } => {
            serve::run_workspace(&folder, port, listen, hosts, behind_https)
        }
        Command::Serve { file, port, listen, hosts, open, .. } => serve::run(file, port, listen, hosts, open),
        Command::Users { action } => team::run(action),
        Command::Backup { workspace, file } => team::backup(&workspace, &file),
        Command::Restore { file, workspace } => team::restore(&file, &workspace),
        Command::Batch { file, schools, output, jobs, templates, name_column } => {
            warn_if_file_like(&output);
            batch::run(&file, &schools, &output, jobs, templates.as_deref(), name_column)
        }
        Command::Roll { file, to, output, date, number, force } => {
            roll::run(&file, to, &output, date.as_deref(), number, force)
        }
        Command::Render {
            file,
            output,
            templates,
            emit,
            only,
            appendix,
            name,
            format,
            pdfa,
            tagged,
            font_dir,
            embed_fonts,
            changes_from,
            changes_author,
            changes_date,
        } => {
            let parts = match (only, appendix) {
                (_, Some(key)) => render::Pick::Appendix(key),
                (Some(render::Only::Order), None) => render::Pick::Parts(prikaz::Parts::Order),
                (Some(render::Only::Appendices), None) => render::Pick::Parts(prikaz::Parts::Appendices),
                (None, None) => render::Pick::Parts(prikaz::Parts::All),
            };
            if let Some(Err(e)) = name.as_deref().map(render::check_name) {
                return Err(outcome::Failure::usage(e));
            }
            if emit.is_none() {
                warn_if_file_like(&output);
            }
            let changes = changes_from.map(|old| render::Changes { old, author: changes_author, date: changes_date });
            let opts = render::Options { format, pdfa, tagged, embed_fonts, font_dir, parts, name, changes };
            render::run(&file, &output, templates.as_deref(), emit, opts)
        }
    }
}
