//! Hand-parsed command line (kept dependency-free on purpose).

use std::path::PathBuf;

pub const USAGE: &str = "\
usage: checkoutpage-sandbox [--host HOST] [--port PORT] [--rate-limit-per-minute N] [--static-dir DIR]

  --host HOST                 address to bind (default 127.0.0.1)
  --port PORT                 port to bind; 0 picks a free one (default 4010, or $SANDBOX_PORT)
  --rate-limit-per-minute N   enable a per-API-key token bucket of N requests/minute
  --static-dir DIR            serve files from DIR for otherwise unrouted GET paths
  -h, --help                  show this help";

/// Parsed command-line options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Args {
    pub host: String,
    pub port: u16,
    pub rate_limit_per_minute: Option<u32>,
    pub static_dir: Option<PathBuf>,
}

/// What the command line asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Run(Args),
    Help,
}

/// Parses `args` (without the program name). `env_port` is `$SANDBOX_PORT`,
/// used when `--port` is absent. Accepts `--flag value` and `--flag=value`.
pub fn parse(
    args: impl IntoIterator<Item = String>,
    env_port: Option<String>,
) -> Result<Command, String> {
    let mut host = "127.0.0.1".to_owned();
    let mut port = None;
    let mut rate_limit_per_minute = None;
    let mut static_dir = None;

    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
            _ => (arg, None),
        };
        if flag == "-h" || flag == "--help" {
            return Ok(Command::Help);
        }
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--host" => host = value()?,
            "--port" => port = Some(parse_port(&value()?)?),
            "--rate-limit-per-minute" => {
                let v = value()?;
                let n = v
                    .parse::<u32>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| format!("invalid --rate-limit-per-minute: {v}"))?;
                rate_limit_per_minute = Some(n);
            }
            "--static-dir" => static_dir = Some(PathBuf::from(value()?)),
            other => return Err(format!("unknown argument: {other}")),
        }
    }
    let port = match (port, env_port) {
        (Some(p), _) => p,
        (None, Some(env)) if !env.trim().is_empty() => parse_port(env.trim())?,
        _ => 4010,
    };
    Ok(Command::Run(Args {
        host,
        port,
        rate_limit_per_minute,
        static_dir,
    }))
}

fn parse_port(s: &str) -> Result<u16, String> {
    s.parse().map_err(|_| format!("invalid port: {s}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str], env: Option<&str>) -> Result<Command, String> {
        parse(args.iter().map(|s| s.to_string()), env.map(str::to_owned))
    }

    #[test]
    fn defaults_and_env() {
        let Command::Run(a) = run(&[], None).unwrap() else {
            panic!()
        };
        assert_eq!(
            (a.host.as_str(), a.port, a.rate_limit_per_minute),
            ("127.0.0.1", 4010, None)
        );
        let Command::Run(a) = run(&[], Some("5000")).unwrap() else {
            panic!()
        };
        assert_eq!(a.port, 5000);
        let Command::Run(a) = run(&["--port", "0"], Some("5000")).unwrap() else {
            panic!()
        };
        assert_eq!(a.port, 0);
    }

    #[test]
    fn flags() {
        let Command::Run(a) = run(
            &[
                "--host=0.0.0.0",
                "--rate-limit-per-minute",
                "3",
                "--static-dir",
                "web",
            ],
            None,
        )
        .unwrap() else {
            panic!()
        };
        assert_eq!(a.host, "0.0.0.0");
        assert_eq!(a.rate_limit_per_minute, Some(3));
        assert_eq!(a.static_dir, Some(PathBuf::from("web")));
        assert_eq!(run(&["--help"], None), Ok(Command::Help));
        assert!(run(&["--port"], None).is_err());
        assert!(run(&["--port", "x"], None).is_err());
        assert!(run(&["--bogus"], None).is_err());
        assert!(run(&["--rate-limit-per-minute", "0"], None).is_err());
    }
}
