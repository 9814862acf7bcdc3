using System.Globalization;

namespace PartnerWatch.Fetch.Browser;

/// <summary>
/// The Chromium switches every browser this program starts carries, whether it renders a page's DOM or takes a
/// screenshot: in one place, so a flag that keeps traffic behind the SSRF guard cannot be added to one launcher and
/// forgotten in the other.
/// </summary>
internal static class GuardedChromiumFlags
{
    public static IEnumerable<string> For(int proxyPort)
    {
        // The sandbox needs user namespaces or a setuid helper that containers and root lack; isolation here is the
        // throwaway profile, the guarded proxy and the hard timeout.
        yield return "--no-sandbox";
        yield return "--disable-gpu";
        yield return "--disable-dev-shm-usage";
        yield return "--disable-quic";
        yield return "--disable-background-networking";
        yield return "--disable-component-update";
        yield return "--disable-sync";
        yield return "--disable-breakpad";
        yield return "--mute-audio";
        // WebRTC could otherwise send UDP straight to private addresses, around the proxy.
        yield return "--force-webrtc-ip-handling-policy=disable_non_proxied_udp";
        yield return $"--proxy-server=http://127.0.0.1:{proxyPort.ToString(CultureInfo.InvariantCulture)}";
        // "<-loopback>" removes Chromium's implicit bypass, so even localhost goes through the guard.
        yield return "--proxy-bypass-list=<-loopback>";
    }
}
