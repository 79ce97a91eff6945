//! Benchmarks: `cargo bench` prints the median time of each case (release build, in process).
//! Cold start of the whole binary is measured by `benches/cold-start.sh`.

use std::path::Path;
use std::time::{Duration, Instant};

use prikaz::layout::{layout, text::Measurer};
use prikaz::pipeline::{build_ir, Parts};
use prikaz::template::Templates;

// The binary's allocator (see src/main.rs), so in-process figures match the command.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    f(); // warm-up
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

/// The stages of [`render_once`], in order.
const STAGES: [&str; 5] = ["load", "IR", "DOCX", "layout", "PDF"];

/// Everything `prikaz render` does for one file, in process: load, templates, IR, DOCX,
/// layout, PDF; returns the time of each stage (see [`STAGES`]).
fn render_once(text: &str, tpl: &Templates, m: &Measurer) -> [Duration; 5] {
    let mut t = Instant::now();
    let mut lap = || {
        let d = t.elapsed();
        t = Instant::now();
        d
    };
    let loaded =
        prikaz::input::load_source(prikaz::input::source::Source { name: "bench".into(), text: text.to_owned() });
    let doc = loaded.document.expect("valid input");
    let load = lap();
    let mut ir = build_ir(&doc, tpl, Parts::All).expect("IR");
    // Fitting the columns measures the tables' words: it belongs to the layout's work.
    let ir_time = lap();
    prikaz::layout::columns::fit(&mut ir, m);
    let fit_time = lap();
    let docx = prikaz::writers::docx::write_docx(&ir, &Default::default()).expect("DOCX");
    let docx_time = lap();
    let pages = layout(&ir, m);
    let layout_time = lap() + fit_time;
    let pdf = prikaz::writers::pdf::write_pdf(&ir, &pages, m).expect("PDF");
    let pdf_time = lap();
    std::hint::black_box((docx, pdf));
    [load, ir_time, docx_time, layout_time, pdf_time]
}

/// Medians of each stage over `runs` renders of each text (after one warm-up of each).
fn print_stages(label: &str, texts: &[String], runs: usize, tpl: &Templates, m: &Measurer) {
    for t in texts {
        render_once(t, tpl, m);
    }
    let mut per: [Vec<Duration>; 5] = Default::default();
    for _ in 0..runs {
        for t in texts {
            for (v, d) in per.iter_mut().zip(render_once(t, tpl, m)) {
                v.push(d);
            }
        }
    }
    let ms: Vec<f64> = per.into_iter().map(|v| median(v).as_secs_f64() * 1e3).collect();
    let parts: Vec<String> = STAGES.iter().zip(&ms).map(|(s, d)| format!("{s} {d:.2}")).collect();
    println!("stages {label:<22} median ms: {} (sum {:.2})", parts.join(", "), ms.iter().sum::<f64>());
}

/// `large-200.json` with its sections repeated `times` times (200 × `times` rows).
fn scaled_large(root: &Path, times: usize) -> String {
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("samples/large-200.json")).unwrap()).unwrap();
    let sections = &mut v["appendices"][0]["table"]["sections"];
    let one = sections.as_array().unwrap().clone();
    *sections = serde_json::Value::Array((0..times).flat_map(|_| one.clone()).collect());
    serde_json::to_string(&v).unwrap()
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tpl = Templates::builtin().unwrap();
    let m = Measurer::bundled();
    let mut large = Duration::ZERO;
    for (name, runs) in [("solnechnogorsk-2023", 30), ("large-200", 10)] {
        let text = std::fs::read_to_string(root.join(format!("samples/{name}.json"))).unwrap();
        let d = time(runs, || {
            render_once(&text, &tpl, &m);
        });
        large = d;
        println!("render {name:<22} median {:>8.2} ms (in process, DOCX + PDF, one thread)", d.as_secs_f64() * 1e3);
    }
    // Linear growth: ten times the rows should cost about ten times as much.
    let text = scaled_large(root, 10);
    let d = time(3, || {
        render_once(&text, &tpl, &m);
    });
    println!(
        "render large-2000 (10 × large-200) median {:>8.2} ms = {:.1} × large-200",
        d.as_secs_f64() * 1e3,
        d.as_secs_f64() / large.as_secs_f64()
    );
    // A 100-school batch: the sample's schools repeated, each filled and rendered.
    let batch: prikaz::batch::BatchFile =
        serde_json::from_str(&std::fs::read_to_string(root.join("samples/batch/municipal.json")).unwrap()).unwrap();
    let csv = std::fs::read_to_string(root.join("samples/batch/schools.csv")).unwrap();
    let schools = prikaz::batch::read_schools("schools.csv", &csv).unwrap();
    let valid: Vec<&prikaz::batch::School> = schools.rows.iter().filter_map(|(_, r)| r.as_ref().ok()).collect();
    let hundred: Vec<prikaz::batch::School> = valid.into_iter().cycle().take(100).cloned().collect();
    let school_text = |s: &prikaz::batch::School| {
        let mut v = prikaz::batch::fill(&batch.school, s).unwrap();
        prikaz::batch::drop_activities(&mut v, &s.drop).unwrap();
        serde_json::to_string(&v).unwrap()
    };
    // Where a document's time goes (one thread): the figures behind the targets.
    for name in ["solnechnogorsk-2023", "large-200"] {
        let text = std::fs::read_to_string(root.join(format!("samples/{name}.json"))).unwrap();
        print_stages(name, &[text], if name == "large-200" { 10 } else { 30 }, &tpl, &m);
    }
    let school_texts: Vec<String> = hundred.iter().map(school_text).collect();
    print_stages("school (batch document)", &school_texts, 1, &tpl, &m);
    let one_thread = time(3, || {
        for s in &hundred {
            render_once(&school_text(s), &tpl, &m);
        }
    });
    println!(
        "batch  100 schools, 1 thread    median {:>8.2} ms total, {:.2} ms per document",
        one_thread.as_secs_f64() * 1e3,
        one_thread.as_secs_f64() * 1e3 / 100.0
    );
    // As `prikaz batch` runs them: rayon over the cores, a measurer per thread.
    use rayon::prelude::*;
    let all_cores = time(3, || {
        thread_local! { static M: Measurer = Measurer::bundled(); }
        hundred.par_iter().for_each(|s| {
            M.with(|m| {
                render_once(&school_text(s), &tpl, m);
            })
        });
    });
    println!(
        "batch  100 schools, {} threads   median {:>8.2} ms total, {:.2} ms per document",
        rayon::current_num_threads(),
        all_cores.as_secs_f64() * 1e3,
        all_cores.as_secs_f64() * 1e3 / 100.0
    );
}
