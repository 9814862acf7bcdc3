namespace PartnerWatch.WebConsole;

/// <summary>The console's only style sheet, served by the service at <c>/console/console.css</c> (no CDN, works offline).</summary>
internal static class ConsoleStyles
{
    public const string Css = """
        :root { --fg:#1d2330; --muted:#5d6675; --line:#d9dee7; --bg:#f6f7fa; --accent:#1f5fbf; --bad:#b3261e; --ok:#1e7a3c; --warn:#9a6700; }
        * { box-sizing: border-box; }
        body { margin:0; font:14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color:var(--fg); background:var(--bg); }
        header { display:flex; gap:1.5rem; align-items:center; padding:.6rem 1.5rem; background:#18202e; color:#fff; }
        header a { color:#dfe7f5; text-decoration:none; } header a.here { color:#fff; font-weight:600; }
        header .brand { font-weight:700; color:#fff; margin-right:1rem; }
        header .who { margin-left:auto; color:#b8c2d3; display:flex; gap:.8rem; align-items:center; }
        header form { margin:0; }
        main { padding:1.2rem 1.5rem 3rem; max-width:1280px; }
        h1 { font-size:1.35rem; margin:.2rem 0 1rem; } h2 { font-size:1.05rem; margin:1.6rem 0 .6rem; }
        table { border-collapse:collapse; width:100%; background:#fff; border:1px solid var(--line); }
        th, td { text-align:left; padding:.4rem .6rem; border-bottom:1px solid var(--line); vertical-align:top; }
        th { background:#eef1f6; font-weight:600; font-size:.85rem; color:#374151; }
        a { color:var(--accent); }
        .muted { color:var(--muted); } .small { font-size:.85rem; }
        .pill { display:inline-block; padding:.05rem .5rem; border-radius:999px; font-size:.8rem; font-weight:600; background:#e8ecf3; }
        .pill.open { background:#fde7e5; color:var(--bad); } .pill.acknowledged { background:#fff3d6; color:var(--warn); }
        .pill.confirmed { background:#e3f4e8; color:var(--ok); } .pill.dismissed { background:#ececec; color:#555; }
        .pill.failed { background:#fde7e5; color:var(--bad); } .pill.ok { background:#e3f4e8; color:var(--ok); }
        .cards { display:grid; grid-template-columns:repeat(auto-fit, minmax(180px, 1fr)); gap:.8rem; }
        .card { background:#fff; border:1px solid var(--line); padding:.8rem 1rem; }
        .card .num { font-size:1.6rem; font-weight:700; }
        .grid2 { display:grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap:1.2rem; }
        .shot { border:1px solid var(--line); background:#fff; max-height:720px; overflow:auto; }
        .shot img { display:block; width:100%; }
        .logos { display:flex; gap:1rem; flex-wrap:wrap; }
        .logos figure { margin:0; background:#fff; border:1px solid var(--line); padding:.5rem; text-align:center; }
        .logos img { max-width:200px; max-height:120px; display:block; margin:0 auto .3rem; }
        .actions form { background:#fff; border:1px solid var(--line); padding:.6rem .8rem; margin:0 0 .6rem; }
        .actions label { display:block; font-size:.85rem; color:var(--muted); margin-bottom:.2rem; }
        input[type=text], input[type=password], input[type=date], input[type=number], select, textarea { font:inherit; padding:.3rem .4rem; border:1px solid #b9c1cf; border-radius:3px; }
        textarea { width:100%; min-height:2.6rem; }
        button { font:inherit; padding:.3rem .9rem; border:1px solid var(--accent); background:var(--accent); color:#fff; border-radius:3px; cursor:pointer; }
        button.secondary { background:#fff; color:var(--accent); } button.danger { background:var(--bad); border-color:var(--bad); }
        .filters { display:flex; gap:.6rem; flex-wrap:wrap; align-items:end; background:#fff; border:1px solid var(--line); padding:.6rem .8rem; margin-bottom:.8rem; }
        .filters label { display:flex; flex-direction:column; font-size:.8rem; color:var(--muted); }
        .notice { background:#e8f1fd; border:1px solid #b6d0f5; padding:.5rem .8rem; margin-bottom:1rem; }
        .error { background:#fde7e5; border:1px solid #f3b5ae; padding:.5rem .8rem; margin-bottom:1rem; }
        .login { max-width:360px; margin:4rem auto; background:#fff; border:1px solid var(--line); padding:1.5rem; }
        .login input { width:100%; margin:.2rem 0 .8rem; }
        a.button { display:block; text-align:center; padding:.45rem .9rem; border:1px solid var(--accent); background:var(--accent); color:#fff; border-radius:3px; text-decoration:none; }
        .login .sso { margin:0 0 1.2rem; padding-bottom:1.2rem; border-bottom:1px solid var(--line); }
        code, .hash { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size:.8rem; word-break:break-all; }
        blockquote { margin:.3rem 0; padding:.3rem .6rem; background:#f3f5f9; border-left:3px solid #c5cedd; }
        .pager { display:flex; gap:.6rem; margin-top:.6rem; align-items:center; }
        """;
}
