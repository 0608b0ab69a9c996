/// mimalloc instead of the system allocator: parsing and checking make millions of small,
/// short-lived strings, and glibc's malloc spent half of `peta check`'s time on a province's
/// books consolidating free lists (measured with perf; see README, Speed).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    peta::run(std::env::args_os())
}
