//! The distinct requests of `bench/requests.py`, each searched once, with
//! the time broken down by what they ask.

use std::time::Instant;

use ikon::offers::search::{Params, Search};

/// Each search of the distinct requests (bench/requests.py) once: what a
/// search costs when no question repeats.
pub fn distinct(
    search: &Search,
    places: &ikon::geography::gazetteer::Gazetteer,
    file: &std::path::Path,
) -> anyhow::Result<()> {
    let Ok(list) = std::fs::read_to_string(file) else {
        return Ok(());
    };
    // Each request's time and line.
    let mut timed: Vec<(f64, &str)> = Vec::new();
    let mut kinds: std::collections::BTreeMap<String, (usize, f64)> = Default::default();
    // BENCH_DUMP=file: each request's time, total and path, for a closer look.
    let dump = match std::env::var_os("BENCH_DUMP") {
        Some(path) => Some(std::fs::File::create(path)?),
        None => None,
    };
    for line in list.lines() {
        let Some(query) = line.strip_prefix("/api/v1/offers?") else {
            continue;
        };
        let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let params = Params::parse(places, &pairs).map_err(|e| anyhow::anyhow!("{line}: {e:?}"))?;
        let t = Instant::now();
        let outcome = search.search(&params)?;
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        let outcome_kind = match (&outcome.relaxed, outcome.total) {
            (Some(_), _) => " relaxed",
            (None, 0) => " none found",
            _ => "",
        };
        timed.push((ms, line));
        if let Some(file) = &dump {
            use std::io::Write;
            writeln!(&*file, "{ms:.3}\t{}\t{line}", outcome.total)?;
        }
        let kind = kinds.entry(kind_of(&pairs) + outcome_kind).or_default();
        kind.0 += 1;
        kind.1 += ms;
    }
    if timed.is_empty() {
        return Ok(());
    }
    timed.sort_by(|a, b| a.0.total_cmp(&b.0));
    let pct = |q: f64| timed[((timed.len() as f64 - 1.0) * q) as usize].0;
    let all: f64 = timed.iter().map(|(ms, _)| ms).sum();
    println!(
        "\ndistinct searches ({}, each once): mean {:.2} ms, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        timed.len(),
        all / timed.len() as f64,
        pct(0.5),
        pct(0.99),
        pct(1.0)
    );
    println!("  by kind (requests, mean ms, share of the time):");
    for (kind, (n, ms)) in &kinds {
        println!(
            "  {kind:>22} {n:6} {:7.2} {:5.1} %",
            ms / *n as f64,
            ms / all * 100.0
        );
    }
    for (ms, line) in timed.iter().rev().take(10) {
        println!("  {ms:7.2}  {line}");
    }
    Ok(())
}

/// What a request asks for: words, a place, filters (or none of them).
fn kind_of(pairs: &[(String, String)]) -> String {
    let has = |names: &[&str]| pairs.iter().any(|(k, _)| names.contains(&k.as_str()));
    let parts: Vec<&str> = [
        (has(&["q"]), "words"),
        (has(&["postal_code", "near"]), "place"),
        (
            has(&[
                "field",
                "type",
                "target_group",
                "language",
                "free",
                "open_now",
                "region",
            ]),
            "filters",
        ),
    ]
    .into_iter()
    .filter_map(|(yes, name)| yes.then_some(name))
    .collect();
    if parts.is_empty() {
        "nothing".into()
    } else {
        parts.join("+")
    }
}
