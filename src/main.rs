//! The `ikon` binary: see `ikon --help`.

fn main() -> std::process::ExitCode {
    ikon::cli::main()
}
