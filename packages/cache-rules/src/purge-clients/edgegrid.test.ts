import { describe, expect, it } from 'vitest';
import { edgeGridSigner } from './edgegrid.ts';

// Akamai's published EdgeGrid test vectors (akamai/AkamaiOPEN-edgegrid-python, akamai/edgegrid/test/testdata.json).
const credentials = {
  clientToken: 'akab-client-token-xxx-xxxxxxxxxxxxxxxx',
  clientSecret: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=',
  accessToken: 'akab-access-token-xxx-xxxxxxxxxxxxxxxx',
};
const base = 'https://akaa-baseurl-xxxxxxxxxxx-xxxxxxxxxxxxx.luna.akamaiapis.net';
const sign = edgeGridSigner(credentials, {
  now: () => new Date('2014-03-21T19:34:21Z'),
  nonce: () => 'nonce-xx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
  maxBody: 2048,
  headersToSign: ['X-Test1', 'X-Test2', 'X-Test3'],
});
const expected = (signature: string) =>
  `EG1-HMAC-SHA256 client_token=${credentials.clientToken};access_token=${credentials.accessToken};timestamp=20140321T19:34:21+0000;nonce=nonce-xx-xxxx-xxxx-xxxx-xxxxxxxxxxxx;signature=${signature}`;

describe('edgeGridSigner (Web Crypto)', () => {
  it.each([
    ['simple GET', 'GET', '/', '', {}, 'tL+y4hxyHxgWVD30X3pWnGKHcPzmrIF+LThiAOhMxYU='],
    ['GET with querystring', 'GET', '/testapi/v1/t1?p1=1&p2=2', '', {}, 'hKDH1UlnQySSHjvIcZpDMbQHihTQ0XyVAKZaApabdeA='],
    ['POST inside limit', 'POST', '/testapi/v1/t3', 'datadatadatadatadatadatadatadata', {}, 'hXm4iCxtpN22m4cbZb4lVLW5rhX8Ca82vCFqXzSTPe4='],
    ['POST too large', 'POST', '/testapi/v1/t3', 'd'.repeat(2049), {}, '6Q6PiTipLae6n4GsSIDTCJ54bEbHUBp+4MUXrbQCBoY='],
    ['POST length equals max_body', 'POST', '/testapi/v1/t3', 'd'.repeat(2048), {}, '6Q6PiTipLae6n4GsSIDTCJ54bEbHUBp+4MUXrbQCBoY='],
    ['POST empty body', 'POST', '/testapi/v1/t6', '', {}, '1gEDxeQGD5GovIkJJGcBaKnZ+VaPtrc4qBUHixjsPCQ='],
    ['Simple header signing with GET', 'GET', '/testapi/v1/t4', '', { 'X-Test1': 'test-simple-header' }, '8F9AybcRw+PLxnvT+H0JRkjROrrUgsxJTnRXMzqvcwY='],
    ['Header containing spaces', 'GET', '/testapi/v1/t4', '', { 'X-Test1': '"     test-header-with-spaces     "' }, 'ucq2AbjCNtobHfCTuS38fdkl5UDdWHZhQX46fYR8CqI='],
    ['Headers out of order', 'GET', '/testapi/v1/t4', '', { 'X-Test2': 't2', 'X-Test1': 't1', 'X-Test3': 't3' }, 'Wus73Nx8jOYM+kkBFF2q8D1EATRIMr0WLWwpLBgkBqY='],
    ['Extra header', 'GET', '/testapi/v1/t5', '', { 'X-Test2': 't2', 'X-Test1': 't1', 'X-Test3': 't3', 'X-Extra': "this won't be included" }, 'Knd/jc0A5Ghhizjayr0AUUvl2MZjBpS3FDSzvtq4Ixc='],
    ['PUT test', 'PUT', '/testapi/v1/t6', 'PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP', {}, 'GNBWEYSEWOLtu+7dD52da2C39aX/Jchpon3K/AmBqBU='],
  ])('%s', async (_name, method, path, body, headers, signature) => {
    expect(await sign({ method, url: `${base}${path}`, headers, body })).toBe(expected(signature));
  });
});
