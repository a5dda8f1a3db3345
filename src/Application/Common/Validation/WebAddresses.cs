namespace CustomerCare.Application.Common.Validation;

/// <summary>The addresses the API will call back (webhooks, group robots): absolute, https (http where allowed), no credentials, no fragment.</summary>
public static class WebAddresses
{
    public static bool IsCallable(string? text, bool allowHttp, out Uri? uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (allowHttp && uri.Scheme == Uri.UriSchemeHttp))
        && string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Fragment);
}
