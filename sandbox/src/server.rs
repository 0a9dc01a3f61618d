//! A hand-rolled hyper accept loop.
//!
//! `axum::serve` offers no way to abandon a connection mid-request, which the
//! `{"drop": true}` fault needs. Here every connection runs in its own task
//! racing a [`ConnKill`] signal; handlers find the signal in the request
//! extensions, and firing it drops the hyper connection — closing the socket
//! without writing a byte, so clients see a network error.

use std::convert::Infallible;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tower_service::Service;

/// Per-connection "close this socket now" handle, stored in request
/// extensions.
#[derive(Clone, Default)]
pub struct ConnKill(Arc<Notify>);

impl ConnKill {
    /// Abandons the connection. The caller's future is dropped along with it,
    /// so it should await `std::future::pending()` afterwards.
    pub fn kill(&self) {
        self.0.notify_one();
    }
}

/// Serves `app` on `listener` until `shutdown` resolves.
pub async fn serve(listener: TcpListener, app: Router, shutdown: impl Future<Output = ()>) {
    tokio::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(err) => {
                    // E.g. EMFILE: back off briefly rather than spin.
                    eprintln!("sandbox: accept failed: {err}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => return,
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        tokio::spawn(async move {
            let kill = ConnKill::default();
            let handle = kill.clone();
            let service = hyper::service::service_fn(move |mut req: Request<Incoming>| {
                req.extensions_mut().insert(handle.clone());
                let mut app = app.clone();
                async move {
                    let resp: Result<_, Infallible> = app.call(req.map(Body::new)).await;
                    resp
                }
            });
            let conn = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service);
            tokio::select! {
                // Connection errors (client went away, bad request line…)
                // are routine for a test server; ignore them.
                _ = conn => {}
                // Dropping `conn` here closes the socket with no response.
                () = kill.0.notified() => {}
            }
        });
    }
}
