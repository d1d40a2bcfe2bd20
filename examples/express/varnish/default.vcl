# The Varnish recipe for an origin whose cache headers come from @alphanode/cache-rules with
# `target: varnish` (Varnish 7.1+, varnish-modules for vmod_xkey). What each part is for:
#   - the origin decides lifetimes: `Cache-Control: max-age=B, s-maxage=E, stale-while-revalidate=S`
#     (Varnish takes s-maxage as the TTL and stale-while-revalidate as grace, no VCL needed);
#   - the origin tags each page with `xkey: post-… topic-… stack-…`, and `PURGE` with an
#     `xkey-purge` header evicts every object carrying one of those keys;
#   - a visitor with a session cookie (or Authorization, or a preview URL) is passed to the origin
#     and never served from or stored in the cache; everyone else's cookies are dropped so the
#     builtin VCL does not pass them too. Every Cookie header line counts: they are joined first;
#   - a response that sets a cookie, or says private / no-store, is never stored (the builtin
#     vcl_backend_response does this; nothing here undoes it).
# Tested by examples/express/src/varnish/varnish-proof.test.ts against the Express example.
vcl 4.1;

import std;
import xkey;

backend default {
    .host = "127.0.0.1";
    .port = "8080";
}

# Who may purge. Keep it to the hosts that run the origin's admin route.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # A client may split its cookies over several Cookie lines (HTTP/2 sends each one as its own
    # field), and req.http.Cookie reads only the first: `Cookie: a=1` then `Cookie: session=alice`
    # would look anonymous, and the unset below would drop both. Join them the way RFC 6265 writes
    # a cookie-string ("; ", RFC 9113 8.2.3) before anything reads them.
    std.collect(req.http.Cookie, "; ");

    if (req.method == "PURGE") {
        # Must return here: the builtin vcl_recv would pipe an unknown method to the origin.
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            set req.http.n-gone = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
        }
        if (req.http.xkey-softpurge) {
            set req.http.n-gone = xkey.softpurge(req.http.xkey-softpurge);
            return (synth(200, "Soft-invalidated " + req.http.n-gone + " objects"));
        }
        return (purge);
    }

    # The same bypasses as the rules' `logged-in` and `preview` conditions. The origin already marks
    # those responses `private, no-store`, but a cached copy would be served before the origin is
    # asked, so the cache must recognise these requests itself. Authorization is not joined: any
    # line, even an empty one, makes req.http.Authorization true, and the origin gets them as sent.
    if (req.http.Authorization) {
        return (pass);
    }
    # A cookie named as the rules name it, read as the rules engine reads cookie names: space
    # around the name, and a name with no "=", count too.
    if (req.http.Cookie ~ "(^|;)\s*(session|wp_logged_in_[^=;]*)\s*(=|;|$)") {
        return (pass);
    }
    if (req.url ~ "[?&]preview(=|&|$)") {
        return (pass);
    }

    # Anyone else's cookies (analytics, consent) do not change the page: drop them so the builtin
    # vcl_recv does not pass every request that has one.
    unset req.http.Cookie;
}

sub vcl_backend_response {
    # vmod_xkey indexes only `xkey`; an origin written for Fastly sends `Surrogate-Key` instead.
    if (beresp.http.Surrogate-Key && !beresp.http.xkey) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # Keeps purged-by-softpurge and expired objects servable while a fresh copy is fetched.
    if (beresp.ttl > 0s && beresp.grace < 60s) {
        set beresp.grace = 60s;
    }
}

sub vcl_synth {
    # A purge's answer is read by a program: "Invalidated 3 objects", not an HTML error page.
    if (req.method == "PURGE") {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = resp.reason + {"
"};
        return (deliver);
    }
}

sub vcl_deliver {
    # STALE: a copy past its TTL, served in grace while Varnish refetches it (what a soft purge
    # leaves), so that a check after a purge can tell it from a copy that is still fresh.
    if (obj.hits > 0 && obj.ttl <= 0s) {
        set resp.http.X-Cache = "STALE";
    } else if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # Purge keys describe the site's structure; visitors have no use for them.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
}
