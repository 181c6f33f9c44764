package io.github.wxlogin.token;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;

/**
 * Derives an EC public key from its private key (public = private × G), since a PKCS#8 file need not
 * carry the public point and the JDK offers no way to compute it. Runs once at start-up.
 */
final class EcPublicKeys {

	private static final BigInteger TWO = BigInteger.TWO;

	private static final BigInteger THREE = BigInteger.valueOf(3);

	private EcPublicKeys() {
	}

	static ECPublicKey derive(ECPrivateKey privateKey) {
		ECParameterSpec params = privateKey.getParams();
		ECPoint point = multiply(params.getGenerator(), privateKey.getS(), params);
		try {
			return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, params));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("cannot derive the EC public key", ex);
		}
	}

	private static ECPoint multiply(ECPoint point, BigInteger scalar, ECParameterSpec params) {
		ECPoint result = ECPoint.POINT_INFINITY;
		ECPoint addend = point;
		for (int bit = 0; bit < scalar.bitLength(); bit++) {
			if (scalar.testBit(bit)) {
				result = add(result, addend, params);
			}
			addend = add(addend, addend, params);
		}
		return result;
	}

	private static ECPoint add(ECPoint p, ECPoint q, ECParameterSpec params) {
		if (p.equals(ECPoint.POINT_INFINITY)) {
			return q;
		}
		if (q.equals(ECPoint.POINT_INFINITY)) {
			return p;
		}
		BigInteger prime = ((ECFieldFp) params.getCurve().getField()).getP();
		BigInteger slope;
		if (p.equals(q)) {
			if (p.getAffineY().signum() == 0) {
				return ECPoint.POINT_INFINITY;
			}
			BigInteger numerator = THREE.multiply(p.getAffineX().pow(2)).add(params.getCurve().getA());
			slope = numerator.multiply(TWO.multiply(p.getAffineY()).modInverse(prime)).mod(prime);
		}
		else {
			BigInteger dx = q.getAffineX().subtract(p.getAffineX()).mod(prime);
			if (dx.signum() == 0) {
				return ECPoint.POINT_INFINITY;
			}
			slope = q.getAffineY().subtract(p.getAffineY()).multiply(dx.modInverse(prime)).mod(prime);
		}
		BigInteger x = slope.pow(2).subtract(p.getAffineX()).subtract(q.getAffineX()).mod(prime);
		BigInteger y = slope.multiply(p.getAffineX().subtract(x)).subtract(p.getAffineY()).mod(prime);
		return new ECPoint(x, y);
	}

}
