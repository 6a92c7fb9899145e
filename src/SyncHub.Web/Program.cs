using SyncHub.Core;
using SyncHub.Web.Api;
using SyncHub.Web.Hosting;
using SyncHub.Web.Jobs;
using SyncHub.Web.Security;
using SyncHub.Web.Storage;

var builder = WebApplication.CreateBuilder(ContentRootLocator.CreateOptions(args));

builder.Services.AddSyncHubDatabase();
builder.Services.AddSyncHubCore();
builder.Services.AddSyncHubJobs(builder.Configuration);
builder.Services.AddSyncHubSecurity(builder.Configuration);
builder.Services.AddSyncHubApi();
builder.Services.AddSyncHubPages();
builder.AddSyncHubObservability();

var app = builder.Build();
StartupWarmup.Start(app.Services);

app.UseSyncHubPipeline();
app.MapSyncHubApi();
app.MapSyncHubPages();
app.MapSyncHubObservability();

app.Run();
