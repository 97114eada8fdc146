using System.Drawing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace DigestBot.Tests.Web;

/// <summary>
/// Debian's headless Chromium driven through its chromedriver (packages <c>chromium</c>, <c>chromium-driver</c>; Korean
/// needs <c>fonts-noto-cjk</c>). Where they are missing the browser tests skip, saying so, except in CI (<c>CI=true</c>),
/// where a missing browser fails them: <c>.ci/run</c> installs it.
/// </summary>
internal static class Chromium
{
    public const string Install = "Install Chromium with: apt-get install chromium chromium-driver fonts-noto-cjk";

    private static string Browser => Environment.GetEnvironmentVariable("CHROMIUM_BIN") is { Length: > 0 } bin ? bin : "/usr/bin/chromium";

    private static string Driver => Environment.GetEnvironmentVariable("CHROMEDRIVER_BIN") is { Length: > 0 } bin ? bin : "/usr/bin/chromedriver";

    /// <summary>A browser with a window of <paramref name="size"/>; skips the test (or fails it in CI) where there is none.</summary>
    public static ChromeDriver Start(Size size)
    {
        var missing = new[] { Browser, Driver }.Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            var reason = $"{string.Join(" and ", missing)} not found. {Install}";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(reason);
            }

            Skip.If(true, reason);
        }

        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--force-device-scale-factor=1",
            "--hide-scrollbars",
            $"--window-size={size.Width},{size.Height}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        // A busy two-core machine starts Chromium slowly; the default command timeout is 60 s.
        var driver = new ChromeDriver(service, options, TimeSpan.FromMinutes(3));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromMinutes(2);
        // Headless windows are at least 500 pixels wide; a phone's viewport is set through the DevTools protocol instead.
        driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = size.Width,
            ["height"] = size.Height,
            ["deviceScaleFactor"] = 1,
            ["mobile"] = size.Width < 600,
        });
        return driver;
    }

    /// <summary>Saves what the window shows under the test output, <c>screenshots/&lt;name&gt;.png</c>; returns the path.</summary>
    public static string Screenshot(ChromeDriver driver, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    /// <summary>Waits for what a click or a submit leads to; the browser loads on its own time.</summary>
    public static Task UntilAsync(IWebDriver driver, Func<IWebDriver, bool> condition, string waitingFor) =>
        Eventually.TrueAsync(() => condition(driver), waitingFor, TimeSpan.FromSeconds(60));
}
