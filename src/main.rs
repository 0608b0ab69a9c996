fn main() -> std::process::ExitCode {
    peta::run(std::env::args_os())
}
