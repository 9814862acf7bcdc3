#!/usr/bin/env python3
"""Cluster throughput: how fast 1, 2 and 3 `PartnerWatch serve` nodes on one PostgreSQL clear one firing of every site.

Starts a private PostgreSQL (initdb into a temp folder, loopback port, as in the tests), serves N synthetic company
sites on 127.0.0.1 (start page + partners page, each answered after --latency), starts the nodes with one
configuration (sites on a schedule that never comes), waits until every node answers /readyz, then asks for a scan of
every site at once through the API, twice (the first round warms the nodes up) (POST /api/sites/{id}/scan: one one-off firing per site in the shared job store,
taken by whichever node has a free worker) and measures from that moment until every site's scan is recorded in the
database (max(scans.finished_at)). Each node has --slots scan slots (Fetch:MaxConcurrentSites). Only loopback traffic;
every run is bounded and stops what it started.

    python3 benchmarks/cluster_throughput.py                          # 60 sites, 1/2/3 nodes, 250 ms and 0 ms latency
    python3 benchmarks/cluster_throughput.py --sites 90 --nodes 1 3   # other sizes
"""
import argparse, glob, urllib.request, http.server, json, os, shutil, socket, subprocess, sys, tempfile, threading, time

API_KEY = "cluster-benchmark-key-0123456789"
FILLER = "<p>" + "We build industrial software for factories, warehouses and logistics networks. " * 30 + "</p>"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ready(port):
    try:
        return urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=5).status == 200
    except OSError:
        return False


class Sites(http.server.BaseHTTPRequestHandler):
    latency = 0.0

    def do_GET(self):
        time.sleep(self.latency)
        parts = self.path.strip("/").split("/")
        site = parts[0]
        if len(parts) == 1:
            body = (f'<html><head><meta charset="utf-8"><title>{site}</title></head><body><h1>{site}</h1>'
                    f'<a href="/{site}/partners.html">Our partners</a>{FILLER}</body></html>')
        else:
            body = f'<html><body><h1>Partners</h1><p>We work with regional distributors.</p>{FILLER}</body></html>'
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class Postgres:
    """A private server: initdb + pg_ctl start on a free loopback port; stopped and deleted by stop()."""

    def __init__(self):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not bins:
            sys.exit("PostgreSQL binaries not found (apt-get install postgresql)")
        self.bin = os.path.dirname(bins[-1])
        self.root = tempfile.mkdtemp(prefix="pw-cluster-bench-", dir="/tmp")
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(self.root, "postgres")
        self.port = free_port()
        self.run("initdb", "-D", f"{self.root}/data", "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync")
        self.run("pg_ctl", "-D", f"{self.root}/data", "-l", f"{self.root}/log", "-w", "-o",
                 f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c fsync=off -c synchronous_commit=off -c max_connections=300", "start")

    def run(self, tool, *args, capture=False):
        cmd = [os.path.join(self.bin, tool), *args]
        if self.as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, check=True, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, text=True, timeout=120).stdout

    def sql(self, database, statement):
        return self.run("psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", database, "-Atc", statement, capture=True).strip()

    def connection_string(self, database):
        return f"Host=127.0.0.1;Port={self.port};Username=postgres;Database={database}"

    def stop(self):
        try:
            self.run("pg_ctl", "-D", f"{self.root}/data", "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def run(dll, pg, web_port, n, nodes, slots, label):
    database = f"bench_{label}_{nodes}"
    pg.sql("postgres", f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    pg.sql("postgres", f'CREATE DATABASE "{database}"')
    cron = "0 0 0 1 1 ? 2099"  # never: the firing is asked for through the API once every node is ready
    work = tempfile.mkdtemp(prefix="pw-cluster-node-")
    config = {"PartnerWatch": {
        "Brands": [{"Id": "microsoft", "Name": "Microsoft", "Domains": ["microsoft.com"]}],
        "Sites": [{"Id": f"site-{i:03}", "Url": f"http://127.0.0.1:{web_port}/site-{i:03}/", "Cron": cron} for i in range(n)],
        "Fetch": {"AllowPrivateNetworks": True, "MaxRetries": 0, "MaxConcurrentSites": slots, "Browser": {"Mode": "Never"}},
        "Schedule": {"Jitter": "00:00:00"},
        "Storage": {"Provider": "Postgres", "ConnectionString": pg.connection_string(database)},
        "Logging": {"Level": "Warning"},
        "Api": {"Key": API_KEY},
    }}
    path = os.path.join(work, "partnerwatch.json")
    with open(path, "w") as f:
        json.dump(config, f)
    procs, ports = [], []
    try:
        for i in range(nodes):
            env = dict(os.environ, PartnerWatch__Cluster__NodeId=f"bench-{i + 1}", PartnerWatch__Storage__DataDirectory=os.path.join(work, f"data{i}"))
            ports.append(free_port())
            procs.append(subprocess.Popen(["dotnet", dll, "serve", "--config", path, "--urls", f"http://127.0.0.1:{ports[-1]}"],
                                          cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        deadline = time.time() + 600
        for port in ports:
            while not ready(port):
                if time.time() > deadline:
                    return {"nodes": nodes, "error": "nodes not ready in 600 s"}
                time.sleep(0.5)
        # Two rounds: the first warms every node up (JIT, first database connections); the second is measured.
        for _ in range(2):
            start_ms = int(time.time() * 1000)
            for i in range(n):
                request = urllib.request.Request(f"http://127.0.0.1:{ports[i % nodes]}/api/sites/site-{i:03}/scan", method="POST", headers={"X-Api-Key": API_KEY})
                urllib.request.urlopen(request, timeout=30).read()
            deadline = time.time() + 600
            done = 0
            while time.time() < deadline:
                time.sleep(0.5)
                done = int(pg.sql(database, f"SELECT COUNT(DISTINCT site_id) FROM scans WHERE started_at >= {start_ms}") or 0)
                if done >= n:
                    break
            if done < n:
                return {"nodes": nodes, "error": f"only {done}/{n} sites scanned"}
            time.sleep(1)
        last = int(pg.sql(database, f"SELECT MAX(finished_at) FROM scans WHERE started_at >= {start_ms}"))
        first = int(pg.sql(database, f"SELECT MIN(started_at) FROM scans WHERE started_at >= {start_ms}"))
        by_node = pg.sql(database, f"SELECT scanned_by, COUNT(*) FROM scans WHERE started_at >= {start_ms} GROUP BY scanned_by ORDER BY 1")
        seconds = (last - start_ms) / 1000
        return {"nodes": nodes, "slots": nodes * slots, "seconds": round(seconds, 2), "sites_per_second": round(n / seconds, 2),
                "first_scan_after": round((first - start_ms) / 1000, 2), "scans_by_node": by_node.replace("\n", ", ").replace("|", ": ")}
    finally:
        for p in procs:
            p.kill()
            p.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sites", type=int, default=60)
    parser.add_argument("--nodes", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--slots", type=int, default=4, help="Fetch:MaxConcurrentSites per node")
    parser.add_argument("--latency", type=float, nargs="+", default=[0.25, 0.0], help="seconds before each response")
    parser.add_argument("--dll", help="PartnerWatch.dll (default: the Release build, built when missing)")
    args = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    dll = args.dll or os.path.join(root, "src/PartnerWatch/bin/Release/net10.0/linux-x64/PartnerWatch.dll")
    if not os.path.exists(dll):
        subprocess.run(["dotnet", "build", "-c", "Release", os.path.join(root, "src/PartnerWatch"), "-v", "q", "-nologo"], check=True, stdout=subprocess.DEVNULL)
    pg = Postgres()
    results = []
    try:
        for latency in args.latency:
            Sites.latency = latency
            web = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Sites)
            threading.Thread(target=web.serve_forever, daemon=True).start()
            try:
                for nodes in args.nodes:
                    result = run(dll, pg, web.server_address[1], args.sites, nodes, args.slots, f"l{int(latency * 1000)}")
                    result.update(sites=args.sites, latency_ms=int(latency * 1000))
                    print(json.dumps(result), flush=True)
                    results.append(result)
            finally:
                web.shutdown()
                web.server_close()
    finally:
        pg.stop()
    print(f"{'latency':>8} {'nodes':>5} {'slots':>5} {'seconds':>8} {'sites/s':>8}  scans by node")
    for r in results:
        if "error" in r:
            print(f"{r['latency_ms']:>6}ms {r['nodes']:>5}  {r['error']}")
        else:
            print(f"{r['latency_ms']:>6}ms {r['nodes']:>5} {r['slots']:>5} {r['seconds']:>8} {r['sites_per_second']:>8}  {r['scans_by_node']}")


if __name__ == "__main__":
    main()
