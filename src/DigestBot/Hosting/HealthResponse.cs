using System.Text.Json;
using DigestBot.Publishing;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DigestBot.Hosting;

/// <summary><c>GET /health</c>: JSON an orchestrator can read; 200 while every destination is ok, 503 while one is paused.</summary>
internal static class HealthResponse
{
    public static HealthCheckOptions Options { get; } = new()
    {
        ResponseWriter = WriteAsync,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await using var json = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("status", report.Status == HealthStatus.Healthy ? "ok" : "paused");
        foreach (var (name, entry) in report.Entries)
        {
            if (entry.Data.TryGetValue(PublishingHealthCheck.DataKey, out var value) && value is PublishingHealth health)
            {
                Write(json, health);
            }
            else if (entry.Status != HealthStatus.Healthy)
            {
                json.WriteString(name, entry.Description ?? entry.Exception?.Message ?? entry.Status.ToString());
            }
        }

        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    private static void Write(Utf8JsonWriter json, PublishingHealth health)
    {
        json.WriteStartArray("destinations");
        foreach (var destination in health.Destinations)
        {
            json.WriteStartObject();
            json.WriteString("destination", destination.Destination);
            json.WriteString("state", destination.Paused ? "paused" : "ok");
            if (destination.Paused)
            {
                json.WriteString("reason", destination.Reason);
                WriteTime(json, "since", destination.Since);
                WriteTime(json, "next_try", destination.ProbeAt);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("schedule", health.ScheduleHold is null ? "running" : "paused");
        if (health.ScheduleHold is { } hold)
        {
            WriteTime(json, "paused_until", hold.Until);
        }

        json.WriteNumber("queued", health.Queued);
        json.WriteNumber("failed_deliveries", health.Failed);
        WriteTime(json, "last_post", health.LastPost);
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            json.WriteString(name, t.UtcDateTime);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
