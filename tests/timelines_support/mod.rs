//! A fake clock and a fake network for the core's call machine: calls and
//! bulk jobs are driven exactly as `src/wasm/transport.rs` and
//! `src/wasm/bulk.rs` drive them, against the API imitation the sandbox
//! serves (`checkoutpage-imitation`: the same faults, rate limits and
//! request log), with simulated time instead of timers. A request takes no
//! time unless a fault delays it; nothing sleeps.

#![allow(dead_code)]

use checkoutpage::bulk::{BulkJob, Next, Outcome, Progress};
use checkoutpage::call::{self, Body, Call, Event, Head, Pacers, Patience, Reply, Step};
use checkoutpage::config::{ClientConfig, ClientOptionsInput};
use checkoutpage::endpoints::list_customers::{self, ListParams, Page};
use checkoutpage::endpoints::{get_customer, parse_customer_response, update_customer};
use checkoutpage::error::{Error, ErrorKind};
use checkoutpage::merge::OnConflict;
use checkoutpage::model::{Customer, CustomerPatch};
use checkoutpage::pacer::Pacer;
use checkoutpage::response_guard;
use checkoutpage::rules::{CustomerDraft, ValidationMode};
use checkoutpage::save::{Save, SaveQueue, SaveStep, Saved, Ticket};
use checkoutpage::value::Value;
use checkoutpage_imitation::{Api, LogEntry, Options, Outcome as ApiOutcome, Request};

/// When every world starts: an ordinary Unix time in milliseconds.
pub const T0: f64 = 1_700_000_000_000.0;
/// The sandbox's read-write key.
pub const KEY: &str = "sk_test_sandbox";
const BASE: &str = "https://api.checkoutpage.com";

/// A client: its configuration, its shared pacer, and its saves in
/// progress (each waiting save's task, to wake).
struct Client {
    config: ClientConfig,
    pacer: Pacer,
    saves: SaveQueue<usize>,
}

/// Handle of a client in a [`World`].
#[derive(Clone, Copy, Debug)]
pub struct ClientId(usize);
/// Handle of a single call in a [`World`].
#[derive(Clone, Copy, Debug)]
pub struct CallId(usize);
/// When a save ended, and how.
pub type SaveOutcome = (f64, Result<Box<Saved>, Error>);

/// Handle of a conflict-aware save in a [`World`].
#[derive(Clone, Copy, Debug)]
pub struct SaveId(usize);
/// Handle of a bulk job in a [`World`].
#[derive(Clone, Copy, Debug)]
pub struct JobId(usize);

/// What the caller passes besides the request: `RequestOptions` as data.
#[derive(Clone, Copy, Debug, Default)]
pub struct CallOptions {
    /// `timeoutMs` (the client's when `None`).
    pub timeout_ms: Option<u32>,
    /// `maxRetries` (the client's when `None`).
    pub max_retries: Option<u32>,
    /// When the call's `signal` fires (never when `None`).
    pub abort_at: Option<f64>,
    /// The signal fires as `AbortSignal.timeout` does (a `timeout` error).
    pub abort_is_timeout: bool,
}

/// `BulkOptions` as data.
#[derive(Clone, Copy, Debug)]
pub struct BulkOptions {
    /// Workers.
    pub concurrency: usize,
    /// The job's own rate.
    pub requests_per_minute: Option<u32>,
    /// When the job's signal fires.
    pub abort_at: Option<f64>,
}

impl Default for BulkOptions {
    fn default() -> Self {
        BulkOptions {
            concurrency: 4,
            requests_per_minute: None,
            abort_at: None,
        }
    }
}

/// Where a task's attempt stands.
enum Flight {
    /// The server answered (or failed the connection) at this time.
    Answered(ApiOutcome),
    /// The server holds the request (a delay fault) until the flight ends.
    Held(Request),
    /// The attempt's timer fires first.
    TimedOut,
}

enum TaskState {
    /// Waiting until this time; then [`Event::Ready`] (or the abort).
    Waiting(f64),
    /// A save waiting for its turn (`SaveQueue`): until the save of the same
    /// customer before it ends, or its signal fires.
    Queued,
    /// In flight until this time.
    InFlight(f64, Flight),
    Over,
}

enum Owner {
    Single(usize),
    Worker(usize),
    /// A conflict-aware save: its calls, one after the other.
    Save(usize),
}

struct Task {
    client: usize,
    owner: Owner,
    call: Option<(usize, Call)>,
    state: TaskState,
    /// When the waits' signal fires.
    abort_at: f64,
    /// Whether that signal also aborts requests in flight (single calls).
    aborts_requests: bool,
    abort_is_timeout: bool,
    /// When its state was set: of two tasks due at the same time, the one
    /// that has waited longer goes first (as promises settle in order).
    seq: u64,
    /// The body of the response whose head the call has.
    body: Option<String>,
}

struct Job {
    job: BulkJob,
    pacer: Option<Pacer>,
    patience: Patience,
    progress: Vec<Progress>,
    finished_at: Option<f64>,
}

/// One simulated process: clients, their calls, and the API.
pub struct World {
    /// The time now.
    pub now: f64,
    /// The imitated API.
    pub api: Api,
    /// Backoff jitter, uniform in `[0, 1)`: fixed, so waits are exact.
    pub random: f64,
    clients: Vec<Client>,
    tasks: Vec<Task>,
    results: Vec<Option<(f64, Result<Reply, Error>)>>,
    jobs: Vec<Job>,
    /// Each save, its outcome once over, and its place in its client's
    /// queue.
    saves: Vec<(Save, Option<SaveOutcome>, Ticket)>,
    seq: u64,
}

impl Default for World {
    fn default() -> Self {
        World::new(None)
    }
}

impl World {
    /// A world whose API allows `rate_limit_per_minute` per key.
    pub fn new(rate_limit_per_minute: Option<u32>) -> Self {
        World {
            now: T0,
            api: Api::new(Options {
                rate_limit_per_minute,
                ..Options::default()
            }),
            random: 0.0,
            clients: Vec::new(),
            tasks: Vec::new(),
            results: Vec::new(),
            jobs: Vec::new(),
            saves: Vec::new(),
            seq: 0,
        }
    }

    /// A client with the sandbox key and `options` as the constructor reads
    /// them (`timeoutMs`, `maxRetries`, `requestsPerMinute`).
    pub fn client(&mut self, options: ClientOptionsInput) -> ClientId {
        let config = ClientConfig::new(ClientOptionsInput {
            api_key: Some(KEY.into()),
            base_url: Some(BASE.into()),
            ..options
        })
        .expect("valid client options");
        let pacer = Pacer::new(config.requests_per_minute);
        self.clients.push(Client {
            config,
            pacer,
            saves: SaveQueue::default(),
        });
        ClientId(self.clients.len() - 1)
    }

    /// A client with the default options.
    pub fn default_client(&mut self) -> ClientId {
        self.client(ClientOptionsInput::default())
    }

    /// Creates a customer (`POST /__sandbox/customers`); returns its id.
    pub fn new_customer(&mut self, fields: &str) -> String {
        let reply = self.api.create_customer(fields.as_bytes(), self.now as i64);
        assert_eq!(reply.status, 201, "{}", reply.body);
        let body: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
        body["data"]["id"].as_str().unwrap().to_owned()
    }

    /// Queues faults for a customer (`POST /__sandbox/faults`).
    pub fn inject_faults(&mut self, id: &str, faults: &str) {
        let body = format!(r#"{{"customerId": "{id}", "faults": {faults}}}"#);
        let reply = self.api.add_faults(body.as_bytes());
        assert!(reply.status < 300, "{}", reply.body);
    }

    /// Drops the queued faults of a customer.
    pub fn clear_faults(&mut self, id: &str) {
        self.api.faults_mut().clear(Some(id));
    }

    /// Every request the API received for a customer.
    pub fn requests_for(&self, id: &str) -> Vec<LogEntry> {
        self.api
            .log()
            .iter()
            .filter(|e| e.customer_id.as_deref() == Some(id))
            .cloned()
            .collect()
    }

    /// Every request the API received.
    pub fn all_requests(&self) -> usize {
        self.api.log().len()
    }

    /// The client's configuration.
    pub fn config(&self, client: ClientId) -> &ClientConfig {
        &self.clients[client.0].config
    }

    fn patience(&self, client: ClientId, options: CallOptions) -> Patience {
        let config = &self.clients[client.0].config;
        Patience::single(
            options.timeout_ms.unwrap_or(config.timeout_ms),
            options.max_retries.unwrap_or(config.max_retries),
        )
    }

    /// Starts `client.updateCustomer(id, patch, options)` now.
    pub fn update(
        &mut self,
        client: ClientId,
        id: &str,
        patch: &str,
        options: CallOptions,
    ) -> CallId {
        let value: Value = serde_json::from_str(patch).unwrap();
        let patch = CustomerPatch::from_value(&value).expect("a valid patch");
        let request = update_customer::request(&self.clients[client.0].config, id, &patch)
            .expect("a valid request");
        self.start(
            client,
            Call::new(request, self.patience(client, options)),
            options,
        )
    }

    /// Starts `client.getCustomer(id, options)` now.
    pub fn get(&mut self, client: ClientId, id: &str, options: CallOptions) -> CallId {
        let request =
            get_customer::request(&self.clients[client.0].config, id).expect("a valid request");
        self.start(
            client,
            Call::new(request, self.patience(client, options)),
            options,
        )
    }

    /// Starts `client.listCustomers(params, options)` (one page) now.
    pub fn list(&mut self, client: ClientId, params: &ListParams, options: CallOptions) -> CallId {
        let request = list_customers::request(&self.clients[client.0].config, params)
            .expect("valid list parameters");
        self.start(
            client,
            Call::new(request, self.patience(client, options)),
            options,
        )
    }

    /// The ended list call's page, or its error.
    pub fn page(&self, call: CallId) -> Result<Page, Error> {
        let (_, result) = self.results[call.0].clone().expect("the call has ended");
        result
            .and_then(|reply| list_customers::parse_response(reply.status, reply.body, reply.meta))
    }

    /// Lists one page with the default client options and runs the world
    /// until it has come.
    pub fn list_now(&mut self, client: ClientId, params: &ListParams) -> Page {
        let call = self.list(client, params, CallOptions::default());
        while !self.has_ended(call) {
            self.tick();
        }
        self.page(call).expect("a page")
    }

    /// Starts `client.saveCustomer(base, draft, { onConflict })` now: its
    /// `GET`, then (from the `GET`'s reply, at once) its `PATCH`, each a
    /// call of the machine as the wasm driver runs them.
    pub fn save(
        &mut self,
        client: ClientId,
        base: &Value,
        draft: &Value,
        on_conflict: OnConflict,
        options: CallOptions,
    ) -> SaveId {
        let config = &self.clients[client.0].config;
        let base = Customer::from_value(base).expect("a customer");
        let Value::Object(state) = draft else {
            panic!("a draft object")
        };
        let draft = CustomerDraft::from_partial(&base, state).expect("a draft");
        let patience = self.patience(client, options);
        let (save, call) = Save::start(
            config,
            base,
            draft,
            on_conflict,
            ValidationMode::Standard,
            patience,
        )
        .expect("a valid save");
        // The driver's first step: wait for its turn.
        let task = self.tasks.len();
        let (ticket, now) = self.clients[client.0]
            .saves
            .join(save.customer_id(), || task);
        self.saves.push((save, None, ticket));
        let handle = self.saves.len() - 1;
        let seq = self.next_seq();
        self.tasks.push(Task {
            client: client.0,
            owner: Owner::Save(handle),
            call: Some((0, call)),
            state: match now {
                true => TaskState::Waiting(self.now),
                false => TaskState::Queued,
            },
            abort_at: options.abort_at.unwrap_or(f64::INFINITY),
            aborts_requests: true,
            abort_is_timeout: options.abort_is_timeout,
            seq,
            body: None,
        });
        SaveId(handle)
    }

    /// The ended save's outcome and when it ended.
    pub fn saved(&self, save: SaveId) -> SaveOutcome {
        self.saves[save.0].1.clone().expect("the save has ended")
    }

    fn start(&mut self, client: ClientId, call: Call, options: CallOptions) -> CallId {
        self.results.push(None);
        let handle = self.results.len() - 1;
        let seq = self.next_seq();
        self.tasks.push(Task {
            client: client.0,
            owner: Owner::Single(handle),
            call: Some((0, call)),
            state: TaskState::Waiting(self.now),
            abort_at: options.abort_at.unwrap_or(f64::INFINITY),
            aborts_requests: true,
            abort_is_timeout: options.abort_is_timeout,
            seq,
            body: None,
        });
        CallId(handle)
    }

    /// Starts `client.updateCustomers(items, options)` now; `items` are
    /// `(customer id, patch JSON)`, and an invalid one fails alone.
    pub fn bulk(
        &mut self,
        client: ClientId,
        items: &[(String, String)],
        options: BulkOptions,
    ) -> JobId {
        let config = &self.clients[client.0].config;
        let prepared = items
            .iter()
            .map(|(id, patch)| {
                let value: Value = serde_json::from_str(patch).unwrap();
                let request = CustomerPatch::from_value(&value)
                    .map_err(Error::validation)
                    .and_then(|patch| update_customer::request(config, id, &patch));
                (id.clone(), request)
            })
            .collect();
        let mut job = BulkJob::new(prepared);
        let progress = job.report().into_iter().collect();
        self.jobs.push(Job {
            job,
            pacer: options.requests_per_minute.map(Pacer::new),
            patience: Patience::queued(config.timeout_ms, config.max_retries),
            progress,
            finished_at: None,
        });
        let job = self.jobs.len() - 1;
        for _ in 0..options.concurrency.max(1) {
            let seq = self.next_seq();
            self.tasks.push(Task {
                client: client.0,
                owner: Owner::Worker(job),
                call: None,
                state: TaskState::Waiting(self.now),
                abort_at: options.abort_at.unwrap_or(f64::INFINITY),
                aborts_requests: false,
                abort_is_timeout: false,
                seq,
                body: None,
            });
        }
        JobId(job)
    }

    fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    /// Runs until every call and job has ended.
    pub fn run(&mut self) {
        while self.tick() {}
    }

    /// Runs until `until` (or until everything has ended, if sooner).
    pub fn run_until(&mut self, until: f64) {
        while self.next_time().is_some_and(|t| t <= until) {
            self.tick();
        }
        self.now = self.now.max(until);
    }

    /// The ended call's result: the customer's `data`, or the error.
    pub fn result(&self, call: CallId) -> Result<Value, Error> {
        let (_, result) = self.results[call.0].clone().expect("the call has ended");
        result
            .and_then(|reply| parse_customer_response(reply.status, reply.body, reply.meta))
            .map(|(_customer, data)| data)
    }

    /// When the call ended.
    pub fn ended_at(&self, call: CallId) -> f64 {
        self.results[call.0].as_ref().expect("the call has ended").0
    }

    /// Whether the call has ended.
    pub fn has_ended(&self, call: CallId) -> bool {
        self.results[call.0].is_some()
    }

    /// The job's results in input order, once it has ended.
    pub fn bulk_results(&mut self, job: JobId) -> Vec<(String, Outcome)> {
        let job = &mut self.jobs[job.0];
        assert!(job.finished_at.is_some(), "the job has ended");
        std::mem::replace(&mut job.job, BulkJob::new(Vec::new())).into_results()
    }

    /// Every progress report of the job so far.
    pub fn progress(&self, job: JobId) -> Vec<Progress> {
        self.jobs[job.0].progress.clone()
    }

    /// When the job ended.
    pub fn job_ended_at(&self, job: JobId) -> f64 {
        self.jobs[job.0].finished_at.expect("the job has ended")
    }

    fn task_time(task: &Task) -> Option<f64> {
        match &task.state {
            TaskState::Waiting(at) => Some(at.min(task.abort_at)),
            TaskState::Queued => task.abort_at.is_finite().then_some(task.abort_at),
            TaskState::InFlight(until, _) if task.aborts_requests => Some(until.min(task.abort_at)),
            TaskState::InFlight(until, _) => Some(*until),
            TaskState::Over => None,
        }
    }

    fn next_time(&self) -> Option<f64> {
        self.tasks
            .iter()
            .filter_map(Self::task_time)
            .min_by(f64::total_cmp)
    }

    /// Delivers the earliest event; `false` when nothing is left.
    fn tick(&mut self) -> bool {
        let next = self
            .tasks
            .iter()
            .enumerate()
            .filter_map(|(i, t)| Self::task_time(t).map(|at| (i, at, t.seq)))
            .min_by(|a, b| a.1.total_cmp(&b.1).then(a.2.cmp(&b.2)))
            .map(|(i, at, _)| (i, at));
        let Some((index, at)) = next else {
            return false;
        };
        self.now = self.now.max(at);
        let state = std::mem::replace(&mut self.tasks[index].state, TaskState::Over);
        let task = &self.tasks[index];
        let aborted = task.abort_at <= self.now;
        let abort_error = || match task.abort_is_timeout {
            true => call::signal_error(Some("TimeoutError"), None),
            false => call::signal_error(Some("AbortError"), None),
        };
        let event = match state {
            TaskState::Over => return true,
            TaskState::Queued => {
                // Only its signal ends a wait for its turn.
                let error = abort_error();
                let Owner::Save(handle) = self.tasks[index].owner else {
                    unreachable!("only saves queue")
                };
                self.tasks[index].call = None;
                self.end_save(handle, Err(error));
                return true;
            }
            TaskState::Waiting(_) if aborted => Some(Event::Aborted(abort_error())),
            TaskState::Waiting(_) => Some(Event::Ready),
            TaskState::InFlight(_, _) if aborted && task.aborts_requests => {
                Some(Event::Failed(abort_error()))
            }
            TaskState::InFlight(_, flight) => {
                let answer = match flight {
                    Flight::Answered(outcome) => outcome,
                    Flight::Held(mut request) => {
                        request.now_ms = self.now as i64;
                        self.api.resume(&request)
                    }
                    Flight::TimedOut => ApiOutcome::Delay { ms: u64::MAX },
                };
                let timeout_ms = self.tasks[index]
                    .call
                    .as_ref()
                    .map_or(0, |c| c.1.patience().timeout_ms);
                let event = match answer {
                    ApiOutcome::Reply(reply) => {
                        // The body, for when the call asks for it (Step::Read).
                        self.tasks[index].body = Some(reply.body);
                        Event::Head(Head {
                            status: reply.status,
                            content_length: header(&reply.headers, "content-length"),
                            request_id: header(&reply.headers, "x-request-id"),
                            retry_after: header(&reply.headers, "retry-after"),
                            ..Head::default()
                        })
                    }
                    ApiOutcome::NetworkError => {
                        Event::Failed(call::network_error("TypeError: fetch failed"))
                    }
                    ApiOutcome::Delay { .. } => Event::Failed(call::timeout_error(timeout_ms)),
                };
                if aborted {
                    if let Some((_, call)) = &mut self.tasks[index].call {
                        call.stop();
                    }
                }
                Some(event)
            }
        };
        if self.tasks[index].call.is_none() {
            self.next_item(index, aborted);
            return true;
        }
        if let Some(event) = event {
            self.step(index, event);
        }
        true
    }

    /// A bulk worker takes its next item (or stops).
    fn next_item(&mut self, index: usize, stopped: bool) {
        let Owner::Worker(j) = self.tasks[index].owner else {
            return;
        };
        let job = &mut self.jobs[j];
        match job.job.next(stopped, job.patience) {
            Next::Item(item, call) => {
                self.tasks[index].call = Some((item, call));
                self.tasks[index].state = TaskState::Waiting(self.now);
                self.tasks[index].seq = self.next_seq();
            }
            Next::Pull => unreachable!("the world's bulk jobs take every item at once"),
            Next::Stop => {
                job.progress.extend(job.job.report());
                self.tasks[index].state = TaskState::Over;
                let workers_left = self.tasks.iter().any(|t| {
                    matches!(t.owner, Owner::Worker(k) if k == j)
                        && !matches!(t.state, TaskState::Over)
                });
                if !workers_left {
                    self.jobs[j].finished_at = Some(self.now);
                }
            }
        }
    }

    /// The save ends now with `done`: it leaves its client's queue, and the
    /// next save of the same customer, if one waits, starts.
    fn end_save(&mut self, handle: usize, done: Result<Box<Saved>, Error>) {
        let (_, outcome, ticket) = &mut self.saves[handle];
        *outcome = Some((self.now, done));
        let ticket = *ticket;
        let client = self
            .tasks
            .iter()
            .find(|t| matches!(t.owner, Owner::Save(h) if h == handle))
            .map(|t| t.client)
            .expect("the save's task");
        if let Some(next) = self.clients[client].saves.leave(ticket) {
            self.tasks[next].state = TaskState::Waiting(self.now);
            self.tasks[next].seq = self.next_seq();
        }
    }

    fn step(&mut self, index: usize, event: Event) {
        let now = self.now;
        let random = self.random;
        let task = &mut self.tasks[index];
        let client = &mut self.clients[task.client];
        let job = match task.owner {
            Owner::Worker(job) => self.jobs[job].pacer.as_mut(),
            Owner::Single(_) | Owner::Save(_) => None,
        };
        self.seq += 1;
        task.seq = self.seq;
        let (item, call) = task.call.as_mut().expect("a call");
        let mut step = call.step(
            event,
            now,
            random,
            Pacers {
                shared: &mut client.pacer,
                job,
            },
        );
        // A body not asked for is dropped.
        let body = task.body.take();
        if step == Step::Read {
            // The body arrives at once: the imitation answers whole.
            let body = body.unwrap_or_default();
            let floats = checkoutpage::json::Floats::STD;
            let parse = |text: &str| checkoutpage::json::parse_noting(text, floats).ok();
            let body = response_guard::classify(&body, parse);
            let job = match task.owner {
                Owner::Worker(job) => self.jobs[job].pacer.as_mut(),
                Owner::Single(_) | Owner::Save(_) => None,
            };
            let pacers = Pacers {
                shared: &mut client.pacer,
                job,
            };
            step = call.step(Event::Body(Body::Read(body)), now, random, pacers);
        }
        match step {
            Step::Read => unreachable!("one body per response"),
            Step::Wait(ms) => task.state = TaskState::Waiting(now + ms),
            // The imitation never redirects; a redirect is sent like a request.
            Step::Send | Step::Follow => {
                let http = call.request();
                let request = Request {
                    method: http.method.to_owned(),
                    path: http
                        .url
                        .strip_prefix(BASE)
                        .expect("our base URL")
                        .to_owned(),
                    headers: http
                        .headers
                        .iter()
                        .map(|(n, v)| ((*n).to_owned(), v.clone()))
                        .collect(),
                    body: http
                        .body
                        .as_ref()
                        .map(|b| b.to_json().into_bytes())
                        .unwrap_or_default(),
                    now_ms: now as i64,
                };
                let timeout = f64::from(call.patience().timeout_ms);
                task.state = match self.api.handle(&request) {
                    ApiOutcome::Delay { ms } if ms as f64 >= timeout => {
                        TaskState::InFlight(now + timeout, Flight::TimedOut)
                    }
                    ApiOutcome::Delay { ms } => {
                        TaskState::InFlight(now + ms as f64, Flight::Held(request))
                    }
                    outcome => TaskState::InFlight(now, Flight::Answered(outcome)),
                };
            }
            Step::Done(result) => {
                let item = *item;
                task.call = None;
                match task.owner {
                    Owner::Single(handle) => self.results[handle] = Some((now, result)),
                    Owner::Save(handle) => {
                        let config = &client.config;
                        let save = &mut self.saves[handle].0;
                        let next = match result {
                            Ok(reply) => save.next(config, reply),
                            Err(error) => save.failed(config, error),
                        };
                        match next {
                            // The next request starts now, with nothing in between.
                            SaveStep::Send(call) => {
                                task.call = Some((0, call));
                                task.state = TaskState::Waiting(now);
                            }
                            SaveStep::Done(done) => self.end_save(handle, done),
                        }
                    }
                    Owner::Worker(job) => {
                        let job = &mut self.jobs[job];
                        job.job.finish_call(item, result);
                        job.progress.extend(job.job.report());
                        let stopped = self.tasks[index].abort_at <= now;
                        self.next_item(index, stopped);
                    }
                }
            }
        }
    }
}

fn header(headers: &[(String, String)], name: &str) -> Option<String> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.clone())
}

/// Asserts `error` is of `kind` with `status`.
pub fn assert_error(error: &Error, kind: ErrorKind, status: Option<u16>) {
    assert_eq!(error.kind, kind, "{error:?}");
    assert_eq!(error.status, status, "{error:?}");
}

/// The string `key` of a customer's data.
pub fn field<'a>(data: &'a Value, key: &str) -> Option<&'a str> {
    data.as_object()?.get(key)?.as_str()
}
