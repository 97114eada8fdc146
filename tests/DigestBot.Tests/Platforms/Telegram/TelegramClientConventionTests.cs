using System.Reflection;
using DigestBot.Platforms.Telegram;
using Telegram.Bot;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>Every Bot API call goes through <see cref="TelegramApiClient"/>: nothing else may be handed Telegram.Bot's client.</summary>
public sealed class TelegramClientConventionTests
{
    private const BindingFlags Members = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void Only_the_API_client_and_its_registration_take_the_Telegram_Bot_client()
    {
        var takers = typeof(TelegramApiClient).Assembly.GetTypes()
            .Where(t => t.GetConstructors(Members).SelectMany(c => c.GetParameters()).Any(p => IsBotClient(p.ParameterType))
                || t.GetFields(Members).Any(f => IsBotClient(f.FieldType))
                || t.GetProperties(Members).Any(p => IsBotClient(p.PropertyType))
                || t.GetMethods(Members).SelectMany(m => m.GetParameters()).Any(p => IsBotClient(p.ParameterType)))
            .Select(Outermost)
            .Distinct()
            .Select(t => t.Name)
            .Order()
            .ToList();

        Assert.Equal([nameof(TelegramApiClient), nameof(TelegramClientServiceCollectionExtensions)], takers);
    }

    private static bool IsBotClient(Type type) =>
        type == typeof(ITelegramBotClient) || type == typeof(TelegramBotClient)
        || type.IsGenericType && type.GetGenericArguments().Any(IsBotClient);

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;
}
