//! `checkoutpage-sandbox`: a loopback imitation of the Checkout Page
//! customer API for SDK tests and the offline demo. See README.md.

mod args;
mod cors;
mod routes;
mod server;

use std::io::Write;
use std::process::ExitCode;

use args::Command;

fn main() -> ExitCode {
    let args = match args::parse(std::env::args().skip(1), std::env::var("SANDBOX_PORT").ok()) {
        Ok(Command::Run(args)) => args,
        Ok(Command::Help) => {
            println!("{}", args::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(err) => {
            eprintln!("checkoutpage-sandbox: {err}\n\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(err) => {
            eprintln!("checkoutpage-sandbox: cannot start runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("checkoutpage-sandbox: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: args::Args) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind((args.host.as_str(), args.port)).await?;
    let addr = listener.local_addr()?;
    // Exactly one line on stdout; test harnesses wait for it.
    {
        let mut out = std::io::stdout().lock();
        writeln!(out, "sandbox listening on http://{addr}")?;
        out.flush()?;
    }
    let app = routes::app(routes::Options {
        rate_limit_per_minute: args.rate_limit_per_minute,
        static_dir: args.static_dir,
    });
    server::serve(listener, app, shutdown_signal()).await;
    eprintln!("sandbox: shutting down");
    Ok(())
}

/// Resolves on SIGINT or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut sig) => {
                sig.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}
