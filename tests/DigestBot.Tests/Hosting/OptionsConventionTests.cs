using System.Reflection;
using System.Runtime.CompilerServices;

namespace DigestBot.Tests.Hosting;

/// <summary>
/// The configuration binding source generator (which the native build needs) leaves <c>init</c> properties unbound
/// without a word: a setting in appsettings or the environment would be ignored and the default kept.
/// </summary>
public sealed class OptionsConventionTests
{
    [Fact]
    public void No_options_property_is_init_only()
    {
        var optionsTypes = typeof(DigestBot.Hosting.DigestBotHost).Assembly.GetTypes()
            .Where(t => t.IsClass && t.Name.EndsWith("Options", StringComparison.Ordinal) && t.GetField("Section") is not null)
            .ToList();
        var initOnly = optionsTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (Type: t, Property: p)))
            .Where(x => x.Property.SetMethod?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) == true)
            .Select(x => $"{x.Type.Name}.{x.Property.Name}")
            .ToList();

        Assert.Contains(optionsTypes, t => t.Name == "PublishingOptions");
        Assert.Empty(initOnly);
    }
}
