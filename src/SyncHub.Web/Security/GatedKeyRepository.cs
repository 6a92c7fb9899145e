using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using SyncHub.Data;

namespace SyncHub.Web.Security;

/// <summary>
/// Data Protection's key store in the database, whose writes (a new key, now and then) take their turn at the write
/// gate. Data Protection stores keys synchronously, so this one waits for the gate on a thread.
/// </summary>
internal sealed class GatedKeyRepository(IXmlRepository keys, WriteGate writes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => keys.GetAllElements();

    public void StoreElement(XElement element, string friendlyName)
    {
        // A key is made when first needed, which may be inside a writer's turn (settings encrypted as they are saved).
        if (writes.IsHeld)
        {
            keys.StoreElement(element, friendlyName);
            return;
        }

        writes.Run(() => keys.StoreElement(element, friendlyName));
    }
}
