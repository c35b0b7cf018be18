using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Biaogan.Web.Infrastructure.Web;

/// <summary>
/// X-Forwarded-For / X-Forwarded-Proto are believed only from the proxies the operator lists
/// (<c>ReverseProxy:KnownProxies</c>: addresses, <c>ReverseProxy:KnownNetworks</c>: CIDR ranges, each a
/// comma- or semicolon-separated list or a configuration array). By default none: the headers are ignored,
/// so a visitor cannot pick their own address for the rate limits, the audit or the lockout.
/// </summary>
public static class ReverseProxy
{
    public static void Configure(ForwardedHeadersOptions o, IConfiguration config)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // The framework trusts loopback by default; here only what is configured counts.
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var text in Values(config, "ReverseProxy:KnownProxies"))
            o.KnownProxies.Add(IPAddress.TryParse(text, out var ip) ? ip
                : throw new InvalidOperationException($"ReverseProxy:KnownProxies 中的“{text}”不是有效的 IP 地址。 / \"{text}\" in ReverseProxy:KnownProxies is not an IP address."));
        foreach (var text in Values(config, "ReverseProxy:KnownNetworks"))
            o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(text, out var network) ? network
                : throw new InvalidOperationException($"ReverseProxy:KnownNetworks 中的“{text}”不是有效的网段（如 10.0.0.0/8）。 / \"{text}\" in ReverseProxy:KnownNetworks is not a CIDR range."));
        // Several proxies in a row (CDN → load balancer) each add an address; take as many as are trusted.
        o.ForwardLimit = config.GetValue("ReverseProxy:ForwardLimit", 1);
        // With both lists empty the middleware would believe every sender: no proxy configured means no forwarding.
        if (o.KnownProxies.Count == 0 && o.KnownIPNetworks.Count == 0) o.ForwardedHeaders = ForwardedHeaders.None;
    }

    private static IEnumerable<string> Values(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        var items = section.GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (section.Value is { } single) items.AddRange(single.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries));
        return items.Select(s => s.Trim()).Where(s => s.Length > 0);
    }
}
