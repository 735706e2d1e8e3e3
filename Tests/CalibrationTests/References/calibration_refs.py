# Reference values for CalibrationTests: kappa (Fleiss–Cohen–Everitt SEs), Krippendorff alpha from the pairable-values
# definition (no coincidence matrix) and Shrout–Fleiss ICCs, computed independently with numpy 2.4.6.
import numpy as np
def kappa(table, w=None):
    x=np.array(table,float); n=x.sum(); p=x/n; r=p.sum(1); c=p.sum(0); k=len(x)
    if w is None: w=np.eye(k)
    w=np.array(w,float)
    po=(w*p).sum(); pe=(w*np.outer(r,c)).sum(); kap=(po-pe)/(1-pe)
    wi=w@c; wj=r@w   # w̄_i. = Σ_j p_.j w_ij ; w̄_.j = Σ_i p_i. w_ij
    A=(p*(w-(wi[:,None]+wj[None,:])*(1-kap))**2).sum()
    se=np.sqrt((A-(kap-pe*(1-kap))**2)/(n*(1-pe)**2))
    A0=(np.outer(r,c)*(w-(wi[:,None]+wj[None,:]))**2).sum()
    se0=np.sqrt((A0-pe**2)/(n*(1-pe)**2))
    return kap,se,se0,po,pe
cohen=[[88,10,2],[14,40,6],[18,10,12]]
v=np.array([[0,1,3],[1,0,6],[3,6,0]],float)
print("cohen unweighted", kappa(cohen))
print("cohen custom", kappa(cohen, 1-v/v.max()))
k=3; I=np.arange(k)
print("cohen quadratic", kappa(cohen, 1-((I[:,None]-I[None,:])/(k-1))**2))
print("cohen linear", kappa(cohen, 1-abs(I[:,None]-I[None,:])/(k-1)))
print("wiki", kappa([[20,5],[10,15]]))
print("wiki2a", kappa([[45,15],[25,15]]), "wiki2b", kappa([[25,35],[5,35]]))
fl=[[75,1,4],[5,4,1],[0,0,10]]
print("fleiss", kappa(fl))

# Krippendorff's alpha from the pairable-values definition (no coincidence matrix):
# alpha = 1 - (n-1) * sum_u 1/(m_u-1) sum_{i!=j in u} d(vi,vj) / sum_{i!=j over all pairable values} d(vi,vj)
nan=None
K=[[1,2,3,3,2,1,4,1,2,nan,nan,nan],
   [1,2,3,3,2,2,4,1,2,5,nan,3],
   [nan,3,3,3,2,3,4,2,2,5,1,nan],
   [1,2,3,3,2,4,4,1,2,5,1,nan]]
def alpha(data, metric):
    units=[[row[u] for row in data if row[u] is not None] for u in range(len(data[0]))]
    units=[u for u in units if len(u)>=2]
    allv=[v for u in units for v in u]; n=len(allv)
    from collections import Counter
    freq=Counter(allv); vals=sorted(freq)
    def d(a,b):
        if metric=='nominal': return 0.0 if a==b else 1.0
        if metric=='interval': return (a-b)**2
        if metric=='ratio': return ((a-b)/(a+b))**2 if a+b!=0 else 0.0
        lo,hi=min(a,b),max(a,b)
        s=sum(freq[g] for g in vals if lo<=g<=hi)
        return (s-(freq[a]+freq[b])/2)**2
    do=sum(sum(d(a,b) for i,a in enumerate(u) for j,b in enumerate(u) if i!=j)/(len(u)-1) for u in units)
    de=sum(d(a,b) for i,a in enumerate(allv) for j,b in enumerate(allv) if i!=j)
    return 1-(n-1)*do/de, n
for m in ['nominal','ordinal','interval','ratio']: print("kripp", m, alpha(K,m))
SF=np.array([[9,2,5,8],[6,1,3,2],[8,4,6,8],[7,1,2,6],[10,5,6,9],[6,2,4,7]],float)
n,k=SF.shape; g=SF.mean()
BMS=k*((SF.mean(1)-g)**2).sum()/(n-1); JMS=n*((SF.mean(0)-g)**2).sum()/(k-1)
SST=((SF-g)**2).sum(); WMS=(SST-BMS*(n-1))/(n*(k-1)); EMS=(SST-BMS*(n-1)-JMS*(k-1))/((n-1)*(k-1))
print("BMS JMS WMS EMS", BMS,JMS,WMS,EMS)
print("ICC11",(BMS-WMS)/(BMS+(k-1)*WMS),"ICC21",(BMS-EMS)/(BMS+(k-1)*EMS+k*(JMS-EMS)/n),"ICC31",(BMS-EMS)/(BMS+(k-1)*EMS))
print("ICC1k",(BMS-WMS)/BMS,"ICC2k",(BMS-EMS)/(BMS+(JMS-EMS)/n),"ICC3k",(BMS-EMS)/BMS)
print("binary", alpha([[0,1,0,0,0,0,0,0,1,0],[1,1,1,0,0,1,0,0,0,0]],'nominal'))
A=[1,1,2,2,4,3,3,3,5,4,4,1]; B=[2,1,2,2,2,3,3,3,5,4,4,4]
print("nominal two", alpha([A,B],'nominal'))
