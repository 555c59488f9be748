package dev.retort.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fleet on one page: a self-contained HTML file (no external assets, no network) that shows how
 * many tenants are at each revision as a chart, the tenants behind head and those whose last run
 * failed with their errors, the drift when it was checked, and a search over every tenant. Built from
 * what {@link Retort#currentTenants} (and {@link Retort#checkTenants}) return; {@code retort status
 * --html} and the Spring Boot starter's actuator endpoint write it.
 *
 * <p>It stays readable with tens of thousands of tenants: the chart aggregates by revision (the
 * {@value #BARS} largest, then the rest as one bar), the tables show their first {@value #ROWS} rows,
 * and every tenant is reachable through the search, which filters the page's own data in the browser
 * ({@code #q=NAME} in the address searches at once). Every text is escaped; passwords never reach it
 * (errors are the runs' one-line messages, which hold none).
 */
public final class StatusPage {
    /** Revisions drawn as bars of their own; the others are summed into one. */
    public static final int BARS = 12;
    /** Rows each table shows; the search reaches the rest. */
    public static final int ROWS = 100;

    private final String title;
    private final List<String> heads;
    private final Map<String, List<TenantVersion>> current;
    private final Map<String, List<CheckResult>> checks;
    private final Instant generated;

    private StatusPage(String title, List<String> heads, Map<String, List<TenantVersion>> current,
                       Map<String, List<CheckResult>> checks, Instant generated) {
        this.title = title;
        this.heads = List.copyOf(heads);
        this.current = current;
        this.checks = checks;
        this.generated = generated;
    }

    /**
     * @param heads   the revision graph's heads
     * @param current every tenant's state by shard name, as {@link Retort#currentTenants} returns it
     */
    public static StatusPage of(List<String> heads, Map<String, List<TenantVersion>> current) {
        return new StatusPage("Retort: tenant status", heads, Map.copyOf(Objects.requireNonNull(current, "current")), null,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** With each tenant's drift, as {@link Retort#checkTenants} returns it. */
    public StatusPage withChecks(Map<String, List<CheckResult>> newChecks) {
        return new StatusPage(title, heads, current, Map.copyOf(Objects.requireNonNull(newChecks, "checks")), generated);
    }

    public StatusPage withTitle(String newTitle) {
        return new StatusPage(Objects.requireNonNull(newTitle, "title"), heads, current, checks, generated);
    }

    public StatusPage generatedAt(Instant at) {
        return new StatusPage(title, heads, current, checks, Objects.requireNonNull(at, "at"));
    }

    /** One tenant as the page shows it. */
    private record Row(String shard, String tenant, String state, String at, String error, List<String> drift) {
    }

    /** The page. */
    public String html() {
        List<Row> rows = rows();
        Map<String, Long> byRevision = new LinkedHashMap<>();
        long atHead = 0, behind = 0, failed = 0, untracked = 0, drifted = 0;
        for (Row r : rows) {
            byRevision.merge(r.at(), 1L, Long::sum);
            switch (r.state()) {
                case "head" -> atHead++;
                case "failed" -> failed++;
                case "behind" -> behind++;
                case "drift" -> {
                    atHead++;
                    drifted++;
                }
                default -> untracked++;
            }
        }
        StringBuilder out = new StringBuilder(256 + rows.size() * 80);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append("</title><style>").append(STYLE).append("</style></head><body>\n");
        out.append("<header><h1>").append(escape(title)).append("</h1><p>")
                .append(rows.size()).append(rows.size() == 1 ? " tenant" : " tenants").append(" on ").append(current.size())
                .append(current.size() == 1 ? " shard" : " shards").append(" · head ")
                .append(heads.isEmpty() ? "none (no revisions)" : escape(String.join(", ", heads)))
                .append(" · generated ").append(escape(generated.toString())).append("</p></header>\n");

        out.append("<section class=\"cards\">");
        card(out, "total", "tenants", rows.size());
        card(out, "at-head", "at head", atHead);
        card(out, "behind", "behind head", behind);
        card(out, "failed", "failed last run", failed);
        card(out, "untracked", "no schema or version table", untracked);
        if (checks != null) card(out, "drifted", "drifted from the model", drifted);
        out.append("</section>\n");

        chart(out, byRevision, rows.size());
        table(out, "failed-list", "Failed last run", rows.stream().filter(r -> r.state().equals("failed")).toList(), true, false);
        table(out, "behind-list", "Behind head", rows.stream().filter(r -> r.state().equals("behind") || r.state().equals("untracked")).toList(),
                false, false);
        if (checks != null) {
            table(out, "drift-list", "Drift from the model", rows.stream().filter(r -> r.state().equals("drift")).toList(), false, true);
        }

        out.append("<section id=\"search\"><h2>Find a tenant</h2><input id=\"q\" type=\"search\" placeholder=\"tenant name\" autocomplete=\"off\">")
                .append("<p id=\"found\"></p><table><thead><tr><th>tenant</th><th>shard</th><th>state</th><th>at</th><th>error or drift</th></tr></thead>")
                .append("<tbody id=\"results\"></tbody></table></section>\n");
        out.append("<script type=\"application/json\" id=\"tenants\">");
        data(out, rows);
        out.append("</script>\n<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return out.toString();
    }

    private List<Row> rows() {
        Map<String, CheckResult> checked = new LinkedHashMap<>();
        if (checks != null) {
            checks.forEach((shard, results) -> results.forEach(r -> checked.put(shard + "\u0000" + r.schema(), r)));
        }
        List<Row> rows = new ArrayList<>();
        List<String> shards = new ArrayList<>(current.keySet());
        shards.sort(Comparator.naturalOrder());
        for (String shard : shards) {
            for (TenantVersion v : current.get(shard)) {
                String at = !v.schemaExists() ? "no schema" : !v.tracked() ? "no version table" : v.heads().isEmpty() ? "base" : String.join(" + ", v.heads());
                String state;
                String error = null;
                List<String> drift = null;
                CheckResult check = checked.get(shard + "\u0000" + v.tenant());
                if (v.lastFailure() != null) {
                    state = "failed";
                    error = v.lastFailure().describe();
                } else if (!v.schemaExists() || !v.tracked()) {
                    state = "untracked";
                } else if (!v.atHead()) {
                    state = "behind";
                } else if (check != null && check.drift() != null && !check.drift().isEmpty()) {
                    state = "drift";
                    drift = check.drift().describe().stream().map(String::strip).toList();
                } else {
                    state = "head";
                }
                rows.add(new Row(shard, v.tenant(), state, at, error, drift));
            }
        }
        return rows;
    }

    private static void card(StringBuilder out, String id, String label, long n) {
        out.append("<div class=\"card ").append(id).append("\" id=\"card-").append(id).append("\"><b>").append(n).append("</b><span>")
                .append(label).append("</span></div>");
    }

    /** Tenants per revision, largest first, as horizontal bars; beyond {@link #BARS} revisions the rest are one bar. */
    private void chart(StringBuilder out, Map<String, Long> byRevision, long total) {
        List<Map.Entry<String, Long>> bars = new ArrayList<>(byRevision.entrySet());
        bars.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        if (bars.size() > BARS) {
            long rest = bars.subList(BARS - 1, bars.size()).stream().mapToLong(Map.Entry::getValue).sum();
            int others = bars.size() - (BARS - 1);
            bars = new ArrayList<>(bars.subList(0, BARS - 1));
            bars.add(Map.entry(others + " other revisions", rest));
        }
        out.append("<section id=\"chart\"><h2>Tenants per revision</h2>");
        if (bars.isEmpty()) out.append("<p>No tenants.</p>");
        long max = bars.stream().mapToLong(Map.Entry::getValue).max().orElse(1);
        for (Map.Entry<String, Long> bar : bars) {
            boolean head = heads.contains(bar.getKey()) || String.join(" + ", heads).equals(bar.getKey());
            double width = 100.0 * bar.getValue() / max;
            out.append("<div class=\"bar").append(head ? " head" : "").append("\"><span class=\"label\">").append(escape(bar.getKey()))
                    .append(head ? " (head)" : "").append("</span><span class=\"track\"><span class=\"fill\" style=\"width:")
                    .append(String.format(java.util.Locale.ROOT, "%.1f", Math.max(width, 0.5))).append("%\"></span></span><span class=\"count\">")
                    .append(bar.getValue()).append(String.format(java.util.Locale.ROOT, " (%.1f%%)", 100.0 * bar.getValue() / Math.max(total, 1)))
                    .append("</span></div>");
        }
        out.append("</section>\n");
    }

    private static void table(StringBuilder out, String id, String heading, List<Row> rows, boolean errors, boolean drift) {
        out.append("<section id=\"").append(id).append("\"><h2>").append(heading).append(" (").append(rows.size()).append(")</h2>");
        if (rows.isEmpty()) {
            out.append("<p>None.</p></section>\n");
            return;
        }
        out.append("<table><thead><tr><th>tenant</th><th>shard</th><th>at</th>");
        if (errors) out.append("<th>error</th>");
        if (drift) out.append("<th>drift</th>");
        out.append("</tr></thead><tbody>");
        for (Row r : rows.subList(0, Math.min(ROWS, rows.size()))) {
            out.append("<tr><td>").append(escape(r.tenant())).append("</td><td>").append(escape(r.shard())).append("</td><td>")
                    .append(escape(r.at())).append("</td>");
            if (errors) out.append("<td class=\"error\">").append(escape(r.error())).append("</td>");
            if (drift) out.append("<td class=\"drift\">").append(escape(String.join("\n", r.drift()))).append("</td>");
            out.append("</tr>");
        }
        out.append("</tbody></table>");
        if (rows.size() > ROWS) out.append("<p class=\"more\">and ").append(rows.size() - ROWS).append(" more: search below.</p>");
        out.append("</section>\n");
    }

    /** Every tenant as [tenant, shard, state, at, error-or-drift], JSON that cannot end the script element. */
    private static void data(StringBuilder out, List<Row> rows) {
        out.append('[');
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (i > 0) out.append(",\n");
            out.append('[');
            json(out, r.tenant()).append(',');
            json(out, r.shard()).append(',');
            json(out, r.state()).append(',');
            json(out, r.at()).append(',');
            json(out, r.error() != null ? r.error() : r.drift() != null ? String.join("; ", r.drift()) : null).append(']');
        }
        out.append(']');
    }

    private static StringBuilder json(StringBuilder out, String s) {
        if (s == null) return out.append("null");
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // < > & as escapes, so that no text can close the script element or open a comment
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"');
    }

    static String escape(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:16px;color:#222}
            h1{font-size:22px;margin:0}header p{color:#555;margin:4px 0 16px}h2{font-size:17px;margin:24px 0 8px}
            .cards{display:flex;flex-wrap:wrap;gap:8px}.card{border:1px solid #ccc;border-radius:6px;padding:8px 12px;min-width:120px}
            .card b{display:block;font-size:22px}.card span{color:#555}.card.failed b{color:#b00020}.card.behind b{color:#a05a00}
            .card.drifted b{color:#6a1b9a}.card.at-head b{color:#1b5e20}
            .bar{display:flex;align-items:center;gap:8px;margin:3px 0}.bar .label{width:260px;font-family:monospace;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
            .bar .track{flex:1;background:#eee;height:16px;border-radius:3px}.bar .fill{display:block;height:16px;background:#a05a00;border-radius:3px}
            .bar.head .fill{background:#1b5e20}.bar .count{width:140px;text-align:right;font-variant-numeric:tabular-nums}
            table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
            td.error{color:#b00020;white-space:pre-wrap}td.drift{white-space:pre-wrap;font-family:monospace}.more{color:#555}
            #q{font-size:15px;padding:6px;width:320px}
            """;

    private static final String SCRIPT = """
            (function(){
            var data=JSON.parse(document.getElementById('tenants').textContent);
            var q=document.getElementById('q'),body=document.getElementById('results'),found=document.getElementById('found');
            var LIMIT=200;
            function cell(tr,text){var td=document.createElement('td');td.textContent=text==null?'':text;tr.appendChild(td);}
            function show(){
              var term=q.value.trim().toLowerCase();body.textContent='';
              if(!term){found.textContent=data.length+' tenants: type part of a name';return;}
              var n=0;
              for(var i=0;i<data.length;i++){
                var t=data[i];if(t[0].toLowerCase().indexOf(term)<0)continue;n++;
                if(n>LIMIT)continue;
                var tr=document.createElement('tr');tr.className='state-'+t[2];
                cell(tr,t[0]);cell(tr,t[1]);cell(tr,t[2]);cell(tr,t[3]);cell(tr,t[4]);body.appendChild(tr);
              }
              found.textContent=n+(n===1?' tenant matches':' tenants match')+(n>LIMIT?' (the first '+LIMIT+' shown)':'');
            }
            q.addEventListener('input',show);
            var m=/[#&]q=([^&]*)/.exec(location.hash);if(m)q.value=decodeURIComponent(m[1]);
            show();
            })();
            """;
}
